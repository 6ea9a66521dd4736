import type { CancellationRequest, OperationCancellation } from '@maestro/domain';
import type Redis from 'ioredis';
import { listenToChannel } from './redis-channel';
import { type KeyPrefix, cancellationKeys, prefixOf } from './redis-keys';

/** Cancel requests on the channel `scheduler:operation_cancellation_requests` (Maestro's JSON payload). */
export class RedisOperationCancellation implements OperationCancellation {
  private readonly keys: ReturnType<typeof cancellationKeys>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
  ) {
    this.keys = cancellationKeys(prefixOf(keyPrefix));
  }

  async requestCancellation(request: CancellationRequest): Promise<void> {
    const payload = JSON.stringify({ schedulerName: request.schedulerName, operationID: request.operationId });
    await this.redis.publish(this.keys.channel(), payload);
  }

  subscribe(handler: (request: CancellationRequest) => void): Promise<() => Promise<void>> {
    return listenToChannel(this.redis.duplicate(), this.keys.channel(), (message) => {
      try {
        const parsed = JSON.parse(message) as { schedulerName?: string; operationID?: string };
        if (parsed.schedulerName && parsed.operationID) {
          handler({ schedulerName: parsed.schedulerName, operationId: parsed.operationID });
        }
      } catch {
        // A malformed request is ignored: there is nobody to answer.
      }
    });
  }
}
