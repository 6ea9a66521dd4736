import { AlreadyExistsError, NotFoundError, UnexpectedError } from '@maestro/domain';
import { aScheduler, createTestDatabase, type TestDatabase } from '@maestro/testing';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from './data-source';
import { PostgresSchedulerStorage } from './postgres-scheduler.storage';

describe('PostgresSchedulerStorage', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let storage: PostgresSchedulerStorage;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource({ url: db.url });
    await dataSource.initialize();
    storage = new PostgresSchedulerStorage(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const count = async (sql: string, params: unknown[] = []) => ((await dataSource.query(sql, params)) as { n: number }[])[0].n;

  describe('schema', () => {
    it("has Maestro's tables, indexes and extension, and re-running the migrations applies nothing", async () => {
      const indexes = (await dataSource.query(
        "SELECT indexname FROM pg_indexes WHERE tablename IN ('schedulers', 'scheduler_versions') ORDER BY indexname",
      )) as { indexname: string }[];
      expect(indexes.map((i) => i.indexname)).toEqual(expect.arrayContaining(['scheduler_name', 'schedulers_name_unique', 'schedulers_version_unique']));
      expect(await count("SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'uuid-ossp'")).toBe(1);
      expect(await count("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'users'")).toBe(1);
      expect(await migrate({ url: db.url })).toEqual([]);
    });
  });

  it('stores a scheduler with its first version and reads it back, nil and empty maps apart', async () => {
    const scheduler = aScheduler().withName('round-trip').with({ annotations: {}, labels: undefined }).build();
    await storage.createScheduler(scheduler);
    const read = await storage.getScheduler('round-trip');
    expect(read).toEqual({ ...scheduler, createdAt: read.createdAt });
    expect(read.annotations).toEqual({});
    expect(read.labels).toBeUndefined();
    const versions = await storage.listSchedulerVersions('round-trip');
    expect(versions).toEqual([{ version: 'v1.0.0', isActive: true, createdAt: read.createdAt }]);
    const [row] = (await dataSource.query("SELECT state_last_changed_at, updated_at FROM schedulers WHERE name = 'round-trip'")) as {
      state_last_changed_at: number;
      updated_at: Date | null;
    }[];
    expect(row.state_last_changed_at).toBeGreaterThan(0);
    expect(row.updated_at).toBeNull();
  });

  it('refuses a second scheduler of the same name', async () => {
    await storage.createScheduler(aScheduler().withName('duplicate').build());
    const duplicate = storage.createScheduler(aScheduler().withName('duplicate').build());
    await expect(duplicate).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(duplicate).rejects.toThrow('error creating scheduler duplicate: name already exists');
  });

  it('answers not found for unknown schedulers and versions', async () => {
    await expect(storage.getScheduler('nobody')).rejects.toThrow(new NotFoundError('scheduler nobody not found'));
    await expect(storage.listSchedulerVersions('nobody')).rejects.toThrow('scheduler nobody not found');
    await expect(storage.getSchedulerWithVersion('duplicate', 'v9.0.0')).rejects.toBeInstanceOf(NotFoundError);
    await expect(storage.updateScheduler(aScheduler().withName('nobody').build())).rejects.toBeInstanceOf(NotFoundError);
    await expect(storage.createSchedulerVersion(aScheduler().withName('nobody').build())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps versions newest first and takes createdAt and rollback from the newest version row', async () => {
    const v1 = aScheduler().withName('versioned').build();
    await storage.createScheduler(v1);
    const v2 = aScheduler().withName('versioned').withVersion('v1.1.0').withRoomsReplicas(3).with({ rollbackVersion: 'v1.0.0' }).build();
    await storage.createSchedulerVersion(v2);
    const versions = await storage.listSchedulerVersions('versioned');
    expect(versions.map((v) => [v.version, v.isActive])).toEqual([
      ['v1.1.0', false],
      ['v1.0.0', true],
    ]);
    const active = await storage.getScheduler('versioned');
    expect(active.spec.version).toBe('v1.0.0');
    expect(active.roomsReplicas).toBe(0);
    expect(active.rollbackVersion).toBe('v1.0.0');
    expect(active.createdAt).toEqual(versions[0].createdAt);
  });

  it('reads one version with its own configuration, creation time and rollback, and the active game and state', async () => {
    await storage.createScheduler(aScheduler().withName('by-version').withState('in-sync').build());
    const v2 = aScheduler().withName('by-version').withGame('ignored').withVersion('v2.0.0').withRoomsReplicas(4).with({ rollbackVersion: 'v1.0.0' }).build();
    await storage.createSchedulerVersion(v2);
    const read = await storage.getSchedulerWithVersion('by-version', 'v2.0.0');
    const [newest] = await storage.listSchedulerVersions('by-version');
    expect(read).toMatchObject({ game: 'my-game', state: 'in-sync', roomsReplicas: 4, rollbackVersion: 'v1.0.0', createdAt: newest.createdAt });
    expect(read.spec.version).toBe('v2.0.0');
  });

  it('silently keeps an existing version when it is created again', async () => {
    await storage.createScheduler(aScheduler().withName('again').build());
    await storage.createSchedulerVersion(aScheduler().withName('again').withRoomsReplicas(9).build());
    expect((await storage.getSchedulerWithVersion('again', 'v1.0.0')).roomsReplicas).toBe(0);
    expect(await storage.listSchedulerVersions('again')).toHaveLength(1);
  });

  it('replaces the active configuration, state and version on update', async () => {
    await storage.createScheduler(aScheduler().withName('updated').build());
    const next = aScheduler().withName('updated').withVersion('v1.1.0').withState('in-sync').withMaxSurge('3').build();
    await storage.createSchedulerVersion(next);
    await storage.updateScheduler(next);
    const read = await storage.getScheduler('updated');
    expect(read).toMatchObject({ state: 'in-sync', maxSurge: '3' });
    expect(read.spec.version).toBe('v1.1.0');
    expect(await count("SELECT count(*)::int AS n FROM schedulers WHERE name = 'updated' AND updated_at IS NOT NULL")).toBe(1);
    expect((await storage.listSchedulers({ version: 'v1.1.0' })).map((s) => s.name)).toEqual(['updated']);
  });

  it('rolls a new version back when the step after it fails, passing its error through', async () => {
    await storage.createScheduler(aScheduler().withName('atomic').build());
    const next = aScheduler().withName('atomic').withVersion('v2.0.0').build();
    const failing = storage.createSchedulerVersion(next, async () => Promise.reject(new AlreadyExistsError('busy')));
    await expect(failing).rejects.toThrow(new AlreadyExistsError('busy'));
    expect((await storage.listSchedulerVersions('atomic')).map((v) => v.version)).toEqual(['v1.0.0']);
    let ranAfterInsert = false;
    await storage.createSchedulerVersion(next, async () => {
      ranAfterInsert = (await count("SELECT count(*)::int AS n FROM scheduler_versions WHERE name = 'atomic'")) === 1;
    });
    expect(ranAfterInsert).toBe(true);
    expect((await storage.listSchedulerVersions('atomic')).map((v) => v.version)).toEqual(['v2.0.0', 'v1.0.0']);
  });

  it('lists by name, game, version or all, with the row insert time as createdAt', async () => {
    await storage.createScheduler(aScheduler().withName('listed').withGame('other-game').build());
    const listed = await storage.listSchedulers({ game: 'other-game' });
    expect(listed.map((s) => s.name)).toEqual(['listed']);
    expect(listed[0].createdAt).toBeInstanceOf(Date);
    expect((await storage.listSchedulers({ name: 'listed', game: 'my-game' })).length).toBe(0);
    const all = (await storage.listSchedulers()).map((s) => s.name);
    expect(all).toEqual(expect.arrayContaining(['listed', 'duplicate', 'versioned']));
  });

  it('deletes a scheduler with its versions, and keeps both when the step after it fails', async () => {
    await storage.createScheduler(aScheduler().withName('gone').build());
    await expect(storage.deleteScheduler('gone', () => Promise.reject(new UnexpectedError('runtime down')))).rejects.toThrow('runtime down');
    expect((await storage.getScheduler('gone')).name).toBe('gone');
    await storage.deleteScheduler('gone');
    await expect(storage.getScheduler('gone')).rejects.toBeInstanceOf(NotFoundError);
    expect(await count("SELECT count(*)::int AS n FROM scheduler_versions WHERE name = 'gone'")).toBe(0);
    await expect(storage.deleteScheduler('gone')).resolves.toBeUndefined();
  });
});
