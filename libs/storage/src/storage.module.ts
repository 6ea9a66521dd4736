import { type DynamicModule, Inject, Module, type ModuleMetadata, type OnApplicationShutdown } from '@nestjs/common';
import {
  INSTANCE_STORAGE,
  LOGGER,
  type Logger,
  OPERATION_CANCELLATION,
  OPERATION_CONSUMER,
  OPERATION_FLOW,
  OPERATION_LEASE,
  OPERATION_STORAGE,
  AUTOSCALING_DECISIONS,
  ROOM_SAMPLES,
  ALLOCATION_COUNTER,
  ROOM_ALLOCATOR,
  PING_RECORDER,
  ROOM_STORAGE,
  SCHEDULER_CACHE,
  SCHEDULER_LOCK,
  SCHEDULER_STORAGE,
  TOKEN_REVOCATIONS,
  TOKEN_STORAGE,
} from '@maestro/domain';
import { Storage } from './storage';
import type { StorageOptions } from './storage.options';

/** The {@link Storage} holding every adapter and connection. */
export const STORAGE = Symbol('Storage');
/** The readiness checks (ReadinessCheck[]): Postgres `SELECT 1`, Redis `PING`. */
export const STORAGE_READINESS = Symbol('StorageReadiness');
/** The resolved {@link StorageOptions}. */
export const STORAGE_OPTIONS = Symbol('StorageOptions');

export interface StorageModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => StorageOptions | Promise<StorageOptions>;
  inject?: (symbol | string | (abstract new (...args: never[]) => unknown))[];
}

const PORTS = [
  [SCHEDULER_STORAGE, (s: Storage) => s.schedulers],
  [SCHEDULER_CACHE, (s: Storage) => s.cache],
  [ROOM_STORAGE, (s: Storage) => s.rooms],
  [ROOM_SAMPLES, (s: Storage) => s.roomSamples],
  [AUTOSCALING_DECISIONS, (s: Storage) => s.autoscalingDecisions],
  [ALLOCATION_COUNTER, (s: Storage) => s.allocations],
  [INSTANCE_STORAGE, (s: Storage) => s.instances],
  [ROOM_ALLOCATOR, (s: Storage) => s.roomAllocator],
  [PING_RECORDER, (s: Storage) => s.pingRecorder],
  [OPERATION_STORAGE, (s: Storage) => s.operations],
  [OPERATION_LEASE, (s: Storage) => s.leases],
  [OPERATION_CANCELLATION, (s: Storage) => s.cancellation],
  [OPERATION_FLOW, (s: Storage) => s.flow],
  [OPERATION_CONSUMER, (s: Storage) => s.flow],
  [SCHEDULER_LOCK, (s: Storage) => s.schedulerLock],
  [TOKEN_STORAGE, (s: Storage) => s.tokens],
  [TOKEN_REVOCATIONS, (s: Storage) => s.tokenRevocations],
  [STORAGE_READINESS, (s: Storage) => s.readiness],
  [STORAGE_OPTIONS, (s: Storage) => s.options],
] as const;

/**
 * Binds every storage port token (SCHEDULER_STORAGE, SCHEDULER_CACHE, ROOM_STORAGE, ROOM_SAMPLES, AUTOSCALING_DECISIONS, ALLOCATION_COUNTER,
 * INSTANCE_STORAGE, ROOM_ALLOCATOR, PING_RECORDER,
 * OPERATION_STORAGE, OPERATION_FLOW, OPERATION_CONSUMER, OPERATION_CANCELLATION, OPERATION_LEASE,
 * SCHEDULER_LOCK, TOKEN_STORAGE, TOKEN_REVOCATIONS) to the Postgres, Redis and Bull adapters, plus STORAGE, STORAGE_READINESS and STORAGE_OPTIONS; closes every connection
 * on application shutdown.
 */
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(STORAGE) private readonly storage: Storage) {}

  static forRootAsync(options: StorageModuleAsyncOptions): DynamicModule {
    const storage = {
      provide: STORAGE,
      // The app's logger (PlatformModule) last, when there is one: Redis outages are logged through it.
      inject: [...(options.inject ?? []), { token: LOGGER, optional: true }],
      useFactory: async (...args: unknown[]) => {
        const logger = args.pop() as Logger | undefined;
        return Storage.connect({ logger, ...(await options.useFactory(...args)) });
      },
    };
    const ports = PORTS.map(([token, pick]) => ({ provide: token, inject: [STORAGE], useFactory: pick }));
    return {
      module: StorageModule,
      imports: options.imports,
      providers: [storage, ...ports],
      exports: [STORAGE, ...PORTS.map(([token]) => token)],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}
