import { type Instance, type InstanceStorage, NotFoundError } from '@maestro/domain';
import type Redis from 'ioredis';
import { instanceFromJson, instanceToJson } from './instance-json.codec';
import { type KeyPrefix, instanceKeys, prefixOf } from './redis-keys';

/** InstanceStorage on the hash `scheduler:<s>:podMap` (field = room id, value = instance JSON). */
export class RedisInstanceStorage implements InstanceStorage {
  private readonly keys: ReturnType<typeof instanceKeys>;

  /** `scanSize` is the HSCAN COUNT hint (`adapters.instanceStorage.redis.scanSize`); unset = Redis' default. */
  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
    private readonly scanSize?: number,
  ) {
    this.keys = instanceKeys(prefixOf(keyPrefix));
  }

  async getInstance(schedulerName: string, roomId: string): Promise<Instance> {
    const instance = await this.findInstance(schedulerName, roomId);
    if (!instance) throw new NotFoundError(`instance ${roomId} not found in scheduler ${schedulerName}`);
    return instance;
  }

  async findInstance(schedulerName: string, roomId: string): Promise<Instance | undefined> {
    const json = await this.redis.hget(this.keys.podMap(schedulerName), roomId);
    return json ? instanceFromJson(json) : undefined;
  }

  async upsertInstance(instance: Instance): Promise<void> {
    await this.redis.hset(this.keys.podMap(instance.schedulerId), instance.id, instanceToJson(instance));
  }

  async deleteInstance(schedulerName: string, roomId: string): Promise<void> {
    const removed = await this.redis.hdel(this.keys.podMap(schedulerName), roomId);
    if (removed === 0) throw new NotFoundError(`instance ${roomId} not found in scheduler ${schedulerName}`);
  }

  async getAllInstances(schedulerName: string): Promise<Instance[]> {
    const key = this.keys.podMap(schedulerName);
    const instances: Instance[] = [];
    let cursor = '0';
    do {
      const [next, entries] = this.scanSize ? await this.redis.hscan(key, cursor, 'COUNT', this.scanSize) : await this.redis.hscan(key, cursor);
      for (let i = 1; i < entries.length; i += 2) instances.push(instanceFromJson(entries[i]));
      cursor = next;
    } while (cursor !== '0');
    return instances;
  }

  async getInstanceCount(schedulerName: string): Promise<number> {
    return this.redis.hlen(this.keys.podMap(schedulerName));
  }
}
