/** Log field names shared by every component (snake_case, as Maestro's dashboards expect). */
export const LogField = {
  Service: 'service',
  SchedulerName: 'scheduler_name',
  Game: 'game',
  RoomId: 'room_id',
  OperationId: 'operation_id',
  OperationDefinition: 'operation_definition',
  OperationPhase: 'operation_phase',
  Error: 'error',
  Component: 'component',
} as const;
