import type { RoomPing } from '../entities/game-room';
import type { Scheduler } from '../entities/scheduler';
import { LogField } from '../logging/log-fields';
import type { Logger } from '../ports/logger.port';
import type { RoomEventsSink } from '../services/room-status.service';
import { resyncAttributes, terminatedAttributes } from './event-attributes';
import type { EventsForwarderService, LoadedRoom, PreparedRoomEvent } from './events-forwarder.service';
import { errorText } from './events-forwarding.errors';
import { hasEnabledForwarder } from './message-builders';
import type { ForwardingQueue } from './forwarding-queue';

/**
 * The room events of hot paths (pings, pod changes, room deletions), forwarded through a
 * ForwardingQueue: the caller waits for what the event needs from storage (the room and instance
 * as they are now) but never for a receiver. Errors are logged, as Maestro does for these events.
 */
export class QueuedRoomEvents implements RoomEventsSink {
  constructor(
    private readonly forwarding: EventsForwarderService,
    private readonly queue: ForwardingQueue,
    private readonly logger: Logger,
  ) {}

  /** Shutdown: sends what is queued, waiting `timeoutMs` at most (ForwardingQueue.drain). */
  drain(timeoutMs: number): Promise<number> {
    return this.queue.drain(timeoutMs);
  }

  /**
   * Queues the `resync` of an accepted ping, with the room and instance the ping read. A scheduler
   * without an enabled forwarder costs nothing more, not even a promise: this runs on every ping.
   */
  forwardPing(scheduler: Scheduler, loaded: LoadedRoom, ping: Pick<RoomPing, 'pingStatus' | 'metadata'>): Promise<void> | undefined {
    if (!hasEnabledForwarder(scheduler)) return undefined;
    return this.queueRoomEvent('ping', scheduler, loaded.room.id, () =>
      this.forwarding.prepareRoomEvent(scheduler, loaded.room.id, resyncAttributes(ping.metadata, ping.pingStatus), loaded),
    );
  }

  /** Reads the room and instance now (a deletion still finds them) and queues the "terminated" status event. */
  async forwardStatusTerminated(scheduler: Scheduler, roomId: string, storedMetadata?: Record<string, unknown> | null): Promise<void> {
    await this.queueRoomEvent('room termination', scheduler, roomId, () =>
      this.forwarding.prepareRoomEvent(scheduler, roomId, terminatedAttributes(storedMetadata)),
    );
  }

  private async queueRoomEvent(what: string, scheduler: Scheduler, roomId: string, prepare: () => Promise<PreparedRoomEvent>): Promise<void> {
    let prepared: PreparedRoomEvent;
    try {
      prepared = await prepare();
    } catch (error) {
      this.logger.warn(`failed to forward ${what}`, {
        [LogField.SchedulerName]: scheduler.name,
        [LogField.RoomId]: roomId,
        [LogField.Error]: errorText(error),
      });
      return;
    }
    if (prepared.skipped === 'no_enabled_forwarder') return;
    this.queue.enqueue(scheduler.name, roomId, what, () => this.forwarding.send(prepared));
  }
}
