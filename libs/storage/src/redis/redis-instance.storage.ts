import {
  type Instance,
  type InstanceStorage,
  NotFoundError,
  instanceStatusFromInt,
  instanceStatusToInt,
} from '@maestro/domain';
import type Redis from 'ioredis';
import type { RedisKeys } from './redis-keys';

interface InstanceJson {
  id: string;
  schedulerId: string;
  status: { type: number; description: string };
  address: { host: string; ports: { name: string; port: number; protocol: string }[] } | null;
  resourceVersion: string;
}

const toJson = (i: Instance): InstanceJson => ({
  id: i.id,
  schedulerId: i.schedulerId,
  status: { type: instanceStatusToInt(i.status.type), description: i.status.description },
  address: i.address ?? null,
  resourceVersion: i.resourceVersion,
});

const fromJson = (j: InstanceJson): Instance => ({
  id: j.id,
  schedulerId: j.schedulerId,
  status: { type: instanceStatusFromInt(j.status?.type ?? 0), description: j.status?.description ?? '' },
  address: j.address ?? undefined,
  resourceVersion: j.resourceVersion ?? '',
});

/** InstanceStorage on the hash `scheduler:<s>:podMap` (field = room id, value = instance JSON). */
export class RedisInstanceStorage implements InstanceStorage {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly scanSize = 100,
  ) {}

  async getInstance(schedulerName: string, roomId: string): Promise<Instance> {
    const json = await this.redis.hget(this.keys.instances(schedulerName), roomId);
    if (!json) throw new NotFoundError(`instance ${roomId} not found in scheduler ${schedulerName}`);
    return fromJson(JSON.parse(json) as InstanceJson);
  }

  async upsertInstance(instance: Instance): Promise<void> {
    await this.redis.hset(this.keys.instances(instance.schedulerId), instance.id, JSON.stringify(toJson(instance)));
  }

  async deleteInstance(schedulerName: string, roomId: string): Promise<void> {
    const removed = await this.redis.hdel(this.keys.instances(schedulerName), roomId);
    if (removed === 0) throw new NotFoundError(`instance ${roomId} not found in scheduler ${schedulerName}`);
  }

  async getAllInstances(schedulerName: string): Promise<Instance[]> {
    const instances: Instance[] = [];
    let cursor = '0';
    do {
      const [next, entries] = await this.redis.hscan(this.keys.instances(schedulerName), cursor, 'COUNT', this.scanSize);
      for (let i = 1; i < entries.length; i += 2) instances.push(fromJson(JSON.parse(entries[i]) as InstanceJson));
      cursor = next;
    } while (cursor !== '0');
    return instances;
  }

  async getInstanceCount(schedulerName: string): Promise<number> {
    return this.redis.hlen(this.keys.instances(schedulerName));
  }
}
