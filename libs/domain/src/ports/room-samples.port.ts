export const ROOM_SAMPLES = Symbol('RoomSamples');

/** Rooms of one scheduler by status at one moment, as a health controller run counted them. */
export interface RoomSample {
  at: Date;
  ready: number;
  occupied: number;
  pending: number;
  terminating: number;
  error: number;
}

/**
 * A bounded history of room samples per scheduler (not in Maestro: the dashboard's "rooms over the
 * last hour"). Samples older than the retention window, counted back from the newest one, are dropped.
 */
export interface RoomSamples {
  /** Adds a sample to the scheduler's history and drops those that fell out of the window. */
  record(schedulerName: string, sample: RoomSample): Promise<void>;
  /** The scheduler's samples taken at or after `since`, oldest first; none for an unknown scheduler. */
  list(schedulerName: string, since: Date): Promise<RoomSample[]>;
}
