export * from './scheduler.validation';
export * from './autoscaling.validation';
export * from './field-rules';
