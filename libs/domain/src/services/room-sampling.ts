import type { Logger } from '../ports/logger.port';
import type { RoomSample, RoomSamples } from '../ports/room-samples.port';
import type { RoomStorage } from '../ports/room-storage.port';

/** The statuses a room sample counts. */
export const SAMPLED_STATUSES = ['ready', 'occupied', 'pending', 'terminating', 'error'] as const;

/** Counts the scheduler's rooms of each sampled status at `at`. */
export async function sampleRooms(rooms: Pick<RoomStorage, 'getRoomCountByStatus'>, schedulerName: string, at: Date): Promise<RoomSample> {
  const counts = await Promise.all(SAMPLED_STATUSES.map((status) => rooms.getRoomCountByStatus(schedulerName, status)));
  const [ready, occupied, pending, terminating, error] = counts;
  return { at, ready, occupied, pending, terminating, error };
}

/**
 * Counts the scheduler's rooms and records the sample, answering it; never rejects: a history that
 * misses a sample must not stop the health controller (the failure is logged, the answer is undefined).
 */
export async function recordRoomSample(
  ports: { rooms: Pick<RoomStorage, 'getRoomCountByStatus'>; roomSamples: RoomSamples; clock: { now(): Date } },
  schedulerName: string,
  logger: Logger,
): Promise<RoomSample | undefined> {
  try {
    const sample = await sampleRooms(ports.rooms, schedulerName, ports.clock.now());
    await ports.roomSamples.record(schedulerName, sample);
    return sample;
  } catch (error) {
    logger.warn('failed to record a room sample', { error: String(error) });
    return undefined;
  }
}
