import type { Scheduler } from '../entities/scheduler';
import type { SchedulerCache, SchedulerCacheRead } from '../ports/scheduler-cache.port';
import type { SchedulerStorage } from '../ports/scheduler-storage.port';

interface Memo {
  scheduler: Scheduler;
  generation: string;
  until: number;
}

/**
 * Active schedulers for hot paths: the shared cache (one atomic read of the entry and its
 * invalidation generation), then the storage, whose answer is cached only if no invalidation came
 * in since that read. An optional in-process memo spares sending the entry while the generation
 * is unchanged; it is checked against the cache on every call, so it never outlives an
 * invalidation made by any process. Pings never reach the storage while the cache is warm.
 *
 * Why an old version cannot come back: a change is committed before it is invalidated. A storage
 * read that still saw the old row began before the commit, so the generation it carries was read
 * before the invalidation moved it on: its cache write is refused, or, if it came first, dropped by
 * the invalidation. A read that began after the invalidation sees the committed row.
 */
export class SchedulerLookup {
  private readonly memo = new Map<string, Memo>();

  constructor(
    private readonly cache: SchedulerCache,
    private readonly storage: SchedulerStorage,
    private readonly ttlMs: number,
    /** How long this process reuses a scheduler without having the cache send it again (0 disables). */
    private readonly memoMs = 0,
  ) {}

  /** The active scheduler; throws NotFoundError. */
  async get(name: string): Promise<Scheduler> {
    const known = this.freshMemo(name);
    const read: SchedulerCacheRead | undefined = await this.cache.read(name, known?.generation).catch(() => undefined);
    // With the cache unreachable the in-process copy (at most memoMs old) is kept: no storage query per call.
    if (known && (read === undefined || read.unchanged)) return known.scheduler;
    const scheduler = read?.scheduler ?? (await this.fromStorage(name, read?.generation));
    if (read && this.memoMs > 0) this.memo.set(name, { scheduler, generation: read.generation, until: Date.now() + this.memoMs });
    return scheduler;
  }

  /**
   * The in-process copy of the active scheduler when it belongs to `generation`, the cache's
   * generation the caller has just read (as a ping's script does); undefined otherwise, or without
   * a generation: then ask {@link get}. Synchronous: the calls of every ping.
   */
  knownAt(name: string, generation: string | undefined): Scheduler | undefined {
    if (generation === undefined) return undefined;
    const known = this.freshMemo(name);
    return known?.generation === generation ? known.scheduler : undefined;
  }

  /**
   * Forgets the cached copies, in every process, after a change of the stored scheduler. Call it
   * once the change is committed: a read of the storage that began before cannot refill the cache.
   */
  invalidate(name: string): Promise<void> {
    this.memo.delete(name);
    return this.cache.invalidate(name);
  }

  private freshMemo(name: string): Memo | undefined {
    const memo = this.memo.get(name);
    return memo && memo.until > Date.now() ? memo : undefined;
  }

  /** Reads the storage; caches the answer when the cache's generation was known before the read. */
  private async fromStorage(name: string, generation: string | undefined): Promise<Scheduler> {
    const scheduler = await this.storage.getScheduler(name);
    if (generation !== undefined) await this.cache.setScheduler(scheduler, this.ttlMs, generation).catch(() => false);
    return scheduler;
  }
}
