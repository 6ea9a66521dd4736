import type { AllocationCounter } from '../ports/allocation-counter.port';
import type { AutoscalingDecisions } from '../ports/autoscaling-decisions.port';
import type { Clock } from '../ports/clock.port';
import type { InstanceStorage } from '../ports/instance-storage.port';
import type { Logger } from '../ports/logger.port';
import type { OperationStorage } from '../ports/operation-storage.port';
import type { RoomSamples } from '../ports/room-samples.port';
import type { RoomStorage } from '../ports/room-storage.port';
import type { Runtime } from '../ports/runtime.port';
import type { ScalingWebhook } from '../ports/scaling-webhook.port';
import type { SchedulerStorage } from '../ports/scheduler-storage.port';
import type { OperationManager } from '../services/operation-manager';
import type { RoomManager } from '../services/room-manager';
import type { SchedulerLookup } from '../services/scheduler-lookup';

/** Everything executors use; each takes what it needs. */
export interface ExecutorPorts {
  schedulers: SchedulerStorage;
  lookup: SchedulerLookup;
  rooms: RoomStorage;
  roomSamples: RoomSamples;
  autoscalingDecisions: AutoscalingDecisions;
  instances: InstanceStorage;
  operationStorage: OperationStorage;
  operations: OperationManager;
  roomManager: RoomManager;
  runtime: Runtime;
  clock: Clock;
  logger: Logger;
  /** Allocations per minute for the policies that read them; none counted when absent. */
  allocations?: AllocationCounter;
  /** The webhook policy's client; a webhook policy falls back when absent. */
  scalingWebhook?: ScalingWebhook;
}

/** Rooms one add_rooms / remove_rooms operation handles when its limit is not configured (0). */
export const DEFAULT_ADD_ROOMS_LIMIT = 1000;
export const DEFAULT_REMOVE_ROOMS_LIMIT = 50;

/** Operation settings from the configuration. */
export interface ExecutorOptions {
  addRoomsLimit: number;
  addRoomsBatchSize: number;
  addRoomTimeoutMs: number;
  removeRoomsLimit: number;
  roomInitializationTimeoutMs: number;
  roomPingTimeoutMs: number;
  roomDeletionTimeoutMs: number;
  validationTimeoutMs: number;
  validationAttempts: number;
  validationAcceptOccupied: boolean;
}
