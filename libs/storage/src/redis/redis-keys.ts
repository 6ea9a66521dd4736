/** Maestro's Redis key layout (storage.md section 4.1), under an optional prefix for isolation. */
export class RedisKeys {
  constructor(readonly prefix = '') {}

  schedulerCache = (s: string) => `${this.prefix}scheduler:${s}`;
  room = (s: string, room: string) => `${this.prefix}scheduler:${s}:rooms:${room}`;
  roomStatusChannel = (s: string, room: string) => `${this.prefix}scheduler:${s}:rooms:${room}:updatechan`;
  roomStatuses = (s: string) => `${this.prefix}scheduler:${s}:status`;
  roomPings = (s: string) => `${this.prefix}scheduler:${s}:ping`;
  roomOccupancy = (s: string) => `${this.prefix}scheduler:${s}:occupancy`;
  instances = (s: string) => `${this.prefix}scheduler:${s}:podMap`;
  operation = (s: string, id: string) => `${this.prefix}operations:${s}:${id}`;
  activeOperations = (s: string) => `${this.prefix}operations:${s}:lists:active`;
  historyOperations = (s: string) => `${this.prefix}operations:${s}:lists:history`;
  noActionOperations = (s: string) => `${this.prefix}operations:${s}:lists:noaction`;
  leases = (s: string) => `${this.prefix}operations:${s}:operationsLease`;
  cancellationChannel = () => `${this.prefix}scheduler:operation_cancellation_requests`;
}

/** Unix seconds of a date (Maestro's sorted-set scores). */
export const unixSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);
