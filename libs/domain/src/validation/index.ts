export * from './field-rules';
export * from './validation-message';
export * from './autoscaling.validation';
export * from './container.validation';
export * from './forwarder.validation';
export * from './port-range.validation';
export * from './scheduler.validation';
