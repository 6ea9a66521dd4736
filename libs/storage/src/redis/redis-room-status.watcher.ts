import { type RoomStatus, type RoomStatusWatcher, roomStatusFromInt } from '@maestro/domain';
import type Redis from 'ioredis';
import { type StopListening, listenToChannel } from './redis-channel';

/** One room's status channel: a dedicated subscriber connection buffering what it hears. */
export class RedisRoomStatusWatcher implements RoomStatusWatcher {
  private readonly buffered: RoomStatus[] = [];
  private waiting?: (status: RoomStatus) => void;
  private stopListening: StopListening = async () => undefined;

  private constructor() {}

  static async start(redis: Redis, channel: string): Promise<RedisRoomStatusWatcher> {
    const watcher = new RedisRoomStatusWatcher();
    watcher.stopListening = await listenToChannel(redis.duplicate(), channel, (message) => watcher.receive(message));
    return watcher;
  }

  next(signal?: AbortSignal): Promise<RoomStatus> {
    const ready = this.buffered.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal?.reason ?? new Error('aborted'));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting = (status) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(status);
      };
    });
  }

  stop(): Promise<void> {
    return this.stopListening();
  }

  private receive(message: string): void {
    let status: RoomStatus | undefined;
    try {
      status = roomStatusFromInt(Number((JSON.parse(message) as { Status?: number }).Status));
    } catch {
      return;
    }
    if (!status) return;
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting(status);
    else this.buffered.push(status);
  }
}
