import { anOperation, aForwarder, aScheduler, InMemoryRoomStorage, InMemorySchedulerCache, ManualClock } from '@maestro/testing';
import type { Scheduler } from '../entities/scheduler';
import { NotFoundError } from '../errors/domain-error';
import type { ExecutionContext } from '../operations/operation-executor';
import type { SwitchActiveVersionInput } from '../operations/scheduler/switch-active-version/switch-active-version.definition';
import { SwitchActiveVersionExecutor } from '../operations/scheduler/switch-active-version/switch-active-version.executor';
import { silentLogger } from '../ports/logger.port';
import type { SchedulerCache } from '../ports/scheduler-cache.port';
import type { SchedulerStorage } from '../ports/scheduler-storage.port';
import { SchedulerLookup } from './scheduler-lookup';

const TTL_MS = 120_000;

/** Active rows and version rows of schedulers; `pauseNextRead` holds one read between the read and the return. */
class SchedulerRows {
  readonly active = new Map<string, Scheduler>();
  readonly versions = new Map<string, Scheduler>();
  reads = 0;
  private pause?: { read: () => void; released: Promise<void> };

  add(...schedulers: Scheduler[]): void {
    for (const scheduler of schedulers) {
      if (!this.active.has(scheduler.name)) this.active.set(scheduler.name, scheduler);
      this.versions.set(`${scheduler.name}@${scheduler.spec.version}`, scheduler);
    }
  }

  /** The next read answers what it read only once `release` is called; `read` resolves when it has read. */
  pauseNextRead(): { read: Promise<void>; release: () => void } {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const read = new Promise<void>((resolve) => (this.pause = { read: resolve, released }));
    return { read, release };
  }

  readonly storage = {
    getScheduler: async (name: string): Promise<Scheduler> => {
      this.reads++;
      const row = this.active.get(name);
      const pause = this.pause;
      this.pause = undefined;
      if (pause) {
        pause.read();
        await pause.released;
      }
      if (!row) throw new NotFoundError(`scheduler ${name} not found`);
      return row;
    },
    getSchedulerWithVersion: async (name: string, version: string): Promise<Scheduler> => {
      const row = this.versions.get(`${name}@${version}`);
      if (!row) throw new NotFoundError(`scheduler ${name} not found`);
      return row;
    },
    updateScheduler: async (scheduler: Scheduler): Promise<void> => void this.active.set(scheduler.name, scheduler),
  } as unknown as SchedulerStorage;
}

describe('SchedulerLookup', () => {
  let rows: SchedulerRows;
  let cache: InMemorySchedulerCache;
  const v1 = aScheduler().withName('game').withVersion('v1.0.0').withState('in-sync').build();
  const v2 = aScheduler().withName('game').withVersion('v1.1.0').withState('in-sync').withForwarders(aForwarder()).build();

  beforeEach(() => {
    rows = new SchedulerRows();
    rows.add(v1, v2);
    cache = new InMemorySchedulerCache();
  });

  /** switch_active_version run by the worker, with a lookup of its own. */
  async function switchTo(version: string): Promise<void> {
    const context: ExecutionContext<SwitchActiveVersionInput> = {
      operation: anOperation({ schedulerName: 'game', definitionName: 'switch_active_version', input: { newActiveVersion: version } }),
      input: { newActiveVersion: version },
      signal: new AbortController().signal,
      logger: silentLogger,
      appendHistory: async () => undefined,
    };
    const ports = {
      schedulers: rows.storage,
      lookup: new SchedulerLookup(cache, rows.storage, TTL_MS),
      rooms: new InMemoryRoomStorage(),
      clock: new ManualClock(),
    };
    await new SwitchActiveVersionExecutor(ports).execute(context);
  }

  it('reads the storage once, then serves every process from the cache', async () => {
    expect(await new SchedulerLookup(cache, rows.storage, TTL_MS).get('game')).toEqual(v1);
    expect(await new SchedulerLookup(cache, rows.storage, TTL_MS).get('game')).toEqual(v1);
    expect(rows.reads).toBe(1);
  });

  it('keeps out of the cache a version read before a switch whose invalidation came before the cache write', async () => {
    const paused = rows.pauseNextRead();
    const reading = new SchedulerLookup(cache, rows.storage, TTL_MS).get('game');
    await paused.read;
    await switchTo('v1.1.0');
    paused.release();
    expect((await reading).spec.version).toBe('v1.0.0');
    expect((await cache.read('game')).scheduler).toBeUndefined();
    expect((await new SchedulerLookup(cache, rows.storage, TTL_MS).get('game')).spec.version).toBe('v1.1.0');
    expect((await cache.read('game')).scheduler?.spec.version).toBe('v1.1.0');
  });

  it('reuses its in-process copy while nothing is invalidated, the cache answering unchanged', async () => {
    const reads: boolean[] = [];
    const watched: SchedulerCache = {
      read: async (name, known) => {
        const read = await cache.read(name, known);
        reads.push(read.unchanged);
        return read;
      },
      setScheduler: (scheduler, ttlMs, generation) => cache.setScheduler(scheduler, ttlMs, generation),
      invalidate: (name) => cache.invalidate(name),
    };
    const roomsApi = new SchedulerLookup(watched, rows.storage, TTL_MS, 60_000);
    expect(await roomsApi.get('game')).toEqual(v1);
    expect(await roomsApi.get('game')).toEqual(v1);
    expect(reads).toEqual([false, true]);
    expect(rows.reads).toBe(1);
  });

  it('drops its in-process copy at once when another process invalidates', async () => {
    const roomsApi = new SchedulerLookup(cache, rows.storage, TTL_MS, 60_000);
    expect((await roomsApi.get('game')).spec.version).toBe('v1.0.0');
    await switchTo('v1.1.0');
    const seen = await roomsApi.get('game');
    expect(seen.spec.version).toBe('v1.1.0');
    expect(seen.forwarders).toEqual(v2.forwarders);
  });

  it('answers from the storage when the cache does not answer, keeping a fresh in-process copy meanwhile', async () => {
    let up = true;
    const unreliable: SchedulerCache = {
      read: async (name, known) => (up ? cache.read(name, known) : Promise.reject(new Error('connection refused'))),
      setScheduler: async (scheduler, ttlMs, generation) =>
        up ? cache.setScheduler(scheduler, ttlMs, generation) : Promise.reject(new Error('connection refused')),
      invalidate: async (name) => (up ? cache.invalidate(name) : Promise.reject(new Error('connection refused'))),
    };
    up = false;
    const worker = new SchedulerLookup(unreliable, rows.storage, TTL_MS);
    expect(await worker.get('game')).toEqual(v1);
    expect(await worker.get('game')).toEqual(v1);
    expect(rows.reads).toBe(2);
    up = true;
    const roomsApi = new SchedulerLookup(unreliable, rows.storage, TTL_MS, 60_000);
    expect(await roomsApi.get('game')).toEqual(v1);
    up = false;
    expect(await roomsApi.get('game')).toEqual(v1);
    expect(rows.reads).toBe(3);
  });

  it('caches no answer for an unknown scheduler', async () => {
    const lookup = new SchedulerLookup(cache, rows.storage, TTL_MS, 60_000);
    await expect(lookup.get('nobody')).rejects.toThrow(NotFoundError);
    rows.add(aScheduler().withName('nobody').build());
    expect((await lookup.get('nobody')).name).toBe('nobody');
  });

  describe('knownAt, with the generation a ping read', () => {
    it("answers its in-process copy, without reading the cache, while the generation is the copy's", async () => {
      let reads = 0;
      const watched: SchedulerCache = {
        read: (name, known) => {
          reads++;
          return cache.read(name, known);
        },
        setScheduler: (scheduler, ttlMs, generation) => cache.setScheduler(scheduler, ttlMs, generation),
        invalidate: (name) => cache.invalidate(name),
      };
      const roomsApi = new SchedulerLookup(watched, rows.storage, TTL_MS, 60_000);
      expect(await roomsApi.get('game')).toEqual(v1);
      const generation = (await cache.read('game')).generation;
      reads = 0;
      expect(roomsApi.knownAt('game', generation)).toEqual(v1);
      expect(roomsApi.knownAt('game', generation)).toEqual(v1);
      expect(reads).toBe(0);
    });

    it('knows nothing once the generation moved, so that get sees a switch at once', async () => {
      const roomsApi = new SchedulerLookup(cache, rows.storage, TTL_MS, 60_000);
      expect((await roomsApi.get('game')).spec.version).toBe('v1.0.0');
      await switchTo('v1.1.0');
      const moved = (await cache.read('game')).generation;
      expect(roomsApi.knownAt('game', moved)).toBeUndefined();
      expect((await roomsApi.get('game')).spec.version).toBe('v1.1.0');
      expect(roomsApi.knownAt('game', moved)?.spec.version).toBe('v1.1.0');
    });

    it('knows nothing without a generation, without an in-process copy, or once the copy is older than the memo time', async () => {
      const generation = (await cache.read('game')).generation;
      const worker = new SchedulerLookup(cache, rows.storage, TTL_MS);
      expect(await worker.get('game')).toEqual(v1);
      expect(worker.knownAt('game', generation)).toBeUndefined();
      const roomsApi = new SchedulerLookup(cache, rows.storage, TTL_MS, 60_000);
      expect(await roomsApi.get('game')).toEqual(v1);
      expect(roomsApi.knownAt('game', undefined)).toBeUndefined();
      jest.useFakeTimers({ now: Date.now() + 60_001, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      try {
        expect(roomsApi.knownAt('game', generation)).toBeUndefined();
      } finally {
        jest.useRealTimers();
      }
    });
  });
});
