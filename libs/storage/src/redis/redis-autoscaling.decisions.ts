import type { AutoscalingDecision, AutoscalingDecisions } from '@maestro/domain';
import type Redis from 'ioredis';
import { autoscalingDecisionKeys, type KeyPrefix, prefixOf } from './redis-keys';

type Stored = Omit<AutoscalingDecision, 'at'> & { at: string };

/**
 * AutoscalingDecisions on one Redis list per scheduler (not in Maestro), newest at the head: trimmed
 * to `capacity` entries and expiring `retentionMs` after the last write (a deleted scheduler's go too).
 */
export class RedisAutoscalingDecisions implements AutoscalingDecisions {
  private readonly keys: ReturnType<typeof autoscalingDecisionKeys>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
    private readonly capacity = 1000,
    private readonly retentionMs = 24 * 60 * 60_000,
  ) {
    this.keys = autoscalingDecisionKeys(prefixOf(keyPrefix));
  }

  async record(schedulerName: string, decision: AutoscalingDecision): Promise<void> {
    const key = this.keys.decisions(schedulerName);
    const stored: Stored = { ...decision, at: decision.at.toISOString() };
    await this.redis
      .multi()
      .lpush(key, JSON.stringify(stored))
      .ltrim(key, 0, this.capacity - 1)
      .pexpire(key, this.retentionMs)
      .exec();
  }

  async list(schedulerName: string, limit: number): Promise<AutoscalingDecision[]> {
    if (limit <= 0) return [];
    const members = await this.redis.lrange(this.keys.decisions(schedulerName), 0, limit - 1);
    return members.map((member) => {
      const stored = JSON.parse(member) as Stored;
      return { ...stored, at: new Date(stored.at) };
    });
  }
}
