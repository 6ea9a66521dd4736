// The public API of @maestro/storage: what the apps, the test helpers and the benchmarks use.
// ORM entities, row mappers, codecs, Lua scripts, most key builders and the Bull flow (but the name
// of a scheduler's queue, which the worker's tests use) stay inside:
// the library's own tests import them by relative path.
export { Storage, redisClientOptions } from './storage';
export { StorageModule, STORAGE_READINESS, type StorageModuleAsyncOptions } from './storage.module';
export { sameRedisForAll, type StorageOptions } from './storage.options';
export { createDataSource, migrate, type PostgresOptions } from './postgres/data-source';
export { PostgresSchedulerStorage } from './postgres/postgres-scheduler.storage';
export { PostgresTokenStorage } from './postgres/postgres-token.storage';
export { RedisTokenRevocations } from './redis/redis-token.revocations';
export { RedisKeys, roomKeys } from './redis/redis-keys';
export { RedisRoomStorage } from './redis/redis-room.storage';
export { RedisRoomSamples } from './redis/redis-room.samples';
export { RedisAllocationCounter } from './redis/redis-allocation.counter';
export { RedisAutoscalingDecisions } from './redis/redis-autoscaling.decisions';
export { RedisInstanceStorage } from './redis/redis-instance.storage';
export { RedisReadyRoomAllocator } from './redis/redis-ready-room.allocator';
export { RedisPingRecorder } from './redis/redis-ping.recorder';
export { RedisOperationStorage } from './redis/redis-operation.storage';
export { RedisOperationLease } from './redis/redis-operation.lease';
export { RedisSchedulerCache } from './redis/redis-scheduler.cache';
export { operationQueueName } from './bull/bull-operation.flow';
