import { AsyncResource } from 'node:async_hooks';
import { LogField } from '../logging/log-fields';
import type { Logger } from '../ports/logger.port';
import { errorText } from './events-forwarding.errors';

export interface ForwardingQueueOptions {
  /** Events waiting per scheduler; beyond it the oldest waiting one is dropped. */
  capacity: number;
  /** Sends in flight per scheduler (different rooms); one at a time per room. */
  concurrency: number;
}

export const DEFAULT_FORWARDING_QUEUE_OPTIONS: ForwardingQueueOptions = { capacity: 1_000, concurrency: 16 };

/** Counts what the queue had to give up. */
export interface ForwardingQueueMetrics {
  /** An event waiting for `schedulerName` was dropped because its queue was full. */
  dropped(schedulerName: string): void;
}

interface Job {
  roomId: string;
  what: string;
  send: () => Promise<unknown>;
  /** The async context of the enqueuer (a trace of the ping goes on to the forwarder call). */
  scope: AsyncResource;
}

/** One scheduler's waiting events and the rooms being sent for. */
interface Lane {
  waiting: Job[];
  busyRooms: Set<string>;
}

/**
 * Sends events off the caller's path (events-forwarding compatibility notes): per scheduler, a
 * bounded FIFO of waiting events, sent `concurrency` at a time, one at a time and in order per room.
 * Each send is bounded by its forwarders' timeouts (EventsForwarderService), so a lane always
 * drains. A full lane drops its oldest waiting event, logging a warning and counting it: enqueueing
 * never waits, so a slow receiver cannot hold up pings, pod events or room deletions.
 */
export class ForwardingQueue {
  private readonly lanes = new Map<string, Lane>();
  private running = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly logger: Logger,
    private readonly options: ForwardingQueueOptions = DEFAULT_FORWARDING_QUEUE_OPTIONS,
    private readonly metrics?: ForwardingQueueMetrics,
  ) {}

  /** Queues `send` for the room; returns at once. `what` names the event in logs. Errors of `send` are logged. */
  enqueue(schedulerName: string, roomId: string, what: string, send: () => Promise<unknown>): void {
    let lane = this.lanes.get(schedulerName);
    if (!lane) {
      lane = { waiting: [], busyRooms: new Set() };
      this.lanes.set(schedulerName, lane);
    }
    if (lane.waiting.length >= this.options.capacity) {
      const dropped = lane.waiting.shift() as Job;
      this.metrics?.dropped(schedulerName);
      this.logger.warn('events forwarding queue full, oldest event dropped', {
        [LogField.SchedulerName]: schedulerName,
        [LogField.RoomId]: dropped.roomId,
        event: dropped.what,
        capacity: this.options.capacity,
      });
    }
    // An AsyncResource costs a tenth of a microsecond; AsyncResource.bind(send) costs over ten.
    lane.waiting.push({ roomId, what, send, scope: new AsyncResource('maestro.forwarding') });
    this.pump(schedulerName, lane);
  }

  /** Events waiting (not yet being sent) for the scheduler. */
  waiting(schedulerName: string): number {
    return this.lanes.get(schedulerName)?.waiting.length ?? 0;
  }

  /** Resolves once nothing waits and nothing is being sent (tests, shutdown). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Shutdown: waits until every queued event was sent, or `timeoutMs` passed; then logs what is
   * left behind (nothing is sent after the process ends) and resolves with its count.
   */
  async drain(timeoutMs: number): Promise<number> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([this.whenIdle(), timedOut]);
    clearTimeout(timer);
    const left = this.running + [...this.lanes.values()].reduce((sum, lane) => sum + lane.waiting.length, 0);
    if (left > 0) this.logger.warn('events forwarding queue not drained before shutdown', { events: left, timeout_ms: timeoutMs });
    return left;
  }

  private isIdle(): boolean {
    return this.running === 0 && [...this.lanes.values()].every((lane) => lane.waiting.length === 0);
  }

  private pump(schedulerName: string, lane: Lane): void {
    while (lane.busyRooms.size < this.options.concurrency) {
      const index = lane.waiting.findIndex((job) => !lane.busyRooms.has(job.roomId));
      if (index < 0) return;
      const [job] = lane.waiting.splice(index, 1);
      lane.busyRooms.add(job.roomId);
      this.running += 1;
      void this.run(schedulerName, lane, job);
    }
  }

  private async run(schedulerName: string, lane: Lane, job: Job): Promise<void> {
    try {
      await job.scope.runInAsyncScope(job.send);
    } catch (error) {
      this.logger.warn(`failed to forward ${job.what}`, {
        [LogField.SchedulerName]: schedulerName,
        [LogField.RoomId]: job.roomId,
        [LogField.Error]: errorText(error),
      });
    } finally {
      lane.busyRooms.delete(job.roomId);
      this.running -= 1;
      if (lane.waiting.length === 0 && lane.busyRooms.size === 0) this.lanes.delete(schedulerName);
      else this.pump(schedulerName, lane);
      if (this.isIdle()) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }
}
