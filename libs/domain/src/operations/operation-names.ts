/** Maestro's operation definition names, as stored and returned by the API. */
export const OperationName = {
  CreateScheduler: 'create_scheduler',
  CreateNewSchedulerVersion: 'create_new_scheduler_version',
  SwitchActiveVersion: 'switch_active_version',
  AddRooms: 'add_rooms',
  RemoveRooms: 'remove_rooms',
  DeleteScheduler: 'delete_scheduler',
  HealthController: 'health_controller',
  StorageCleanUp: 'storage_clean_up',
  TestOperation: 'test_operation',
  /** Not in Maestro: a rolling update whose new rooms fail is stopped and the previous version restored. */
  AbortRollingUpdate: 'abort_rolling_update',
} as const;
/** One of the definition names (Maestro's, and this project's own). */
export type OperationName = (typeof OperationName)[keyof typeof OperationName];

/** Operations whose records expire after `workers.redis.operationsTtl`. */
export const SHORT_LIVED_OPERATIONS: readonly string[] = [
  OperationName.HealthController,
  OperationName.AddRooms,
  OperationName.RemoveRooms,
  OperationName.StorageCleanUp,
];

/** Operations that change the scheduler's version; only one may be ongoing at a time. */
export const VERSION_OPERATIONS: readonly string[] = [
  OperationName.CreateNewSchedulerVersion,
  OperationName.SwitchActiveVersion,
  OperationName.AbortRollingUpdate,
];
