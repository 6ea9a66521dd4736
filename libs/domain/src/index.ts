export * from './entities/scheduler';
export * from './entities/game-room';
export * from './entities/instance';
export * from './entities/operation';
export * from './errors/domain-error';
export * from './errors/message-of';
export * from './logging/log-fields';
export * from './ports/clock.port';
export * from './ports/logger.port';
export * from './ports/scheduler-storage.port';
export * from './ports/scheduler-cache.port';
export * from './ports/room-storage.port';
export * from './ports/instance-storage.port';
export * from './ports/operation-storage.port';
export * from './ports/operation-flow.port';
export * from './ports/operation-lease.port';
export * from './ports/port-allocator.port';
export * from './ports/runtime.port';
export * from './services/operation-manager';
export * from './services/scheduler-manager';
export * from './operations/operation-names';
export * from './operations/operation-definition';
export * from './operations/operation-executor';
export * from './operations/operation-registry';
export * from './operations/input/invalid-operation-input.error';
export * from './validation';
export * from './entities/scheduler-defaults';
export * from './patch';
export * from './serialization';
export * from './policies/autoscaling';
export * from './versioning';
export * from './rooms';
export * from './services/scheduler-lookup';
export * from './services/room-status.service';
export * from './services/room-manager';
export * from './services/operation-runner';
export * from './services/room-access';
export * from './services/store-by-store.allocator';
export * from './operations/registry';
export * from './operations/maintenance/health-controller/health-controller.definition';
export * from './operations/maintenance/storage-clean-up/storage-clean-up.definition';
export * from './operations/rooms/add-rooms/add-rooms.definition';
export * from './operations/rooms/remove-rooms/remove-rooms.definition';
export * from './operations/scheduler/create-new-scheduler-version/create-new-scheduler-version.definition';
export * from './operations/scheduler/create-scheduler/create-scheduler.definition';
export * from './operations/scheduler/delete-scheduler/delete-scheduler.definition';
export * from './operations/scheduler/scheduler-input';
export * from './operations/scheduler/switch-active-version/switch-active-version.definition';
export * from './operations/test-operation/test-operation.definition';
export * from './operations/scheduler/switch-active-version/switch-active-version.executor';
export * from './operations/executor-ports';
export * from './ports/events-forwarder.port';
export * from './events';
export * from './ports/operation-consumer.port';
export * from './ports/scheduler-lock.port';
export * from './ports/fleet-metrics.port';
export * from './worker';
export * from './ports/room-samples.port';
export * from './ports/allocation-counter.port';
export * from './ports/room-allocator.port';
export * from './ports/scaling-webhook.port';
export * from './ports/autoscaling-decisions.port';
export { sampleRooms, SAMPLED_STATUSES } from './services/room-sampling';
export * from './services/fleet-view';
export * from './auth/api-token';
export * from './auth/secrets';
export * from './auth/token.service';
export * from './ports/token-storage.port';
export * from './ports/requester.port';
export * from './services/autoscaling-insights';
export { AutoscalingSimulator, type SimulateRequest } from './services/autoscaling-simulator';
export {
  simulateAutoscaling,
  type SimulationInput,
  type SimulationResult,
  type SimulationStep,
  type SimulationSummary,
  type TracePoint,
} from './services/autoscaling-simulation';
