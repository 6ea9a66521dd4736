export * from './room-occupancy.policy';
export * from './fixed-buffer.policy';
export * from './autoscaling-limits';
export * from './autoscaler';
export * from './policy-evaluation';
export * from './schedule.policy';
export * from './webhook-answer';
