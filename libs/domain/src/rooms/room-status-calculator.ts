import type { PingStatus, RoomStatus } from '../entities/game-room';
import type { InstanceStatusType } from '../entities/instance';
import { composeRoomStatus } from './room-status-composition';

/** What the calculators know about the room besides the two reported statuses. */
export interface StatusContext {
  /** The status stored now. */
  stored: RoomStatus;
  allocatedAt?: Date;
  runningMatches: number;
  maxMatches: number;
  now: Date;
  /** roomAllocationTTL (default 300 000 ms). */
  allocationTtlMs: number;
}

/** Computes a room's next status (rooms-api.md 1.5). */
export interface RoomStatusCalculator {
  /** The composed status after the scheduler's adjustments. */
  calculate(ping: PingStatus, instance: InstanceStatusType, context: StatusContext): RoomStatus;
}

/**
 * Allocation window (both calculators): a room stored `allocated` within the TTL of its
 * `allocatedAt` keeps `allocated` while the composition says `ready`, and otherwise takes the
 * composed status as is. Undefined outside the window.
 */
function withinAllocationWindow(composed: RoomStatus, c: StatusContext): RoomStatus | undefined {
  if (c.stored !== 'allocated' || !c.allocatedAt) return undefined;
  if (c.now.getTime() - c.allocatedAt.getTime() > c.allocationTtlMs) return undefined;
  return composed === 'ready' ? 'allocated' : composed;
}

/** Schedulers with `maxMatches <= 1`: the composed status is final. */
export const singleMatchStatusCalculator: RoomStatusCalculator = {
  calculate(ping, instance, context) {
    const composed = composeRoomStatus(ping, instance);
    return withinAllocationWindow(composed, context) ?? composed;
  },
};

/** Schedulers with `maxMatches > 1`: ready/occupied become ready, active or occupied by running matches. */
export const multiMatchStatusCalculator: RoomStatusCalculator = {
  calculate(ping, instance, context) {
    const composed = composeRoomStatus(ping, instance);
    const allocated = withinAllocationWindow(composed, context);
    if (allocated) return allocated;
    if (composed !== 'ready' && composed !== 'occupied') return composed;
    if (context.runningMatches < 1) return 'ready';
    return context.runningMatches >= context.maxMatches ? 'occupied' : 'active';
  },
};

/** The calculator of a scheduler: multi-match when `maxMatches > 1`. */
export const statusCalculatorFor = (maxMatches: number): RoomStatusCalculator => (maxMatches > 1 ? multiMatchStatusCalculator : singleMatchStatusCalculator);

/** The next status of a room, with the calculator chosen by `context.maxMatches`. */
export function calculateRoomStatus(ping: PingStatus, instance: InstanceStatusType, context: StatusContext): RoomStatus {
  return statusCalculatorFor(context.maxMatches).calculate(ping, instance, context);
}
