import { AlreadyExistsError, NotFoundError } from '@maestro/domain';
import { aScheduler, createTestDatabase, type TestDatabase } from '@maestro/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
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

  it('stores a scheduler with its first version and reads it back', async () => {
    const scheduler = aScheduler().withName('round-trip').with({ annotations: {}, labels: undefined }).build();
    await storage.createScheduler(scheduler);
    const read = await storage.getScheduler('round-trip');
    expect(read).toEqual({ ...scheduler, createdAt: read.createdAt });
    expect(read.annotations).toEqual({});
    expect(read.labels).toBeUndefined();
    const versions = await storage.listSchedulerVersions('round-trip');
    expect(versions).toEqual([{ version: 'v1.0.0', isActive: true, createdAt: read.createdAt }]);
  });

  it('refuses a second scheduler of the same name', async () => {
    await storage.createScheduler(aScheduler().withName('duplicate').build());
    const duplicate = storage.createScheduler(aScheduler().withName('duplicate').build());
    await expect(duplicate).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(duplicate).rejects.toThrow('error creating scheduler duplicate: name already exists');
  });

  it('answers not found for unknown schedulers and versions', async () => {
    await expect(storage.getScheduler('nobody')).rejects.toBeInstanceOf(NotFoundError);
    await expect(storage.listSchedulerVersions('nobody')).rejects.toThrow('scheduler nobody not found');
    await expect(storage.getSchedulerWithVersion('duplicate', 'v9.0.0')).rejects.toBeInstanceOf(NotFoundError);
    await expect(storage.updateScheduler(aScheduler().withName('nobody').build())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps versions newest first and takes createdAt and rollback from the newest version row', async () => {
    const v1 = aScheduler().withName('versioned').build();
    await storage.createScheduler(v1);
    const v2 = aScheduler().withName('versioned').withVersion('v1.1.0').withRoomsReplicas(3).with({ rollbackVersion: 'v1.0.0' }).build();
    await storage.createSchedulerVersion(v2);
    const versions = await storage.listSchedulerVersions('versioned');
    expect(versions.map((v) => [v.version, v.isActive])).toEqual([['v1.1.0', false], ['v1.0.0', true]]);
    const active = await storage.getScheduler('versioned');
    expect(active.spec.version).toBe('v1.0.0');
    expect(active.roomsReplicas).toBe(0);
    expect(active.rollbackVersion).toBe('v1.0.0');
    expect(active.createdAt).toEqual(versions[0].createdAt);
    const asV2 = await storage.getSchedulerWithVersion('versioned', 'v1.1.0');
    expect(asV2.roomsReplicas).toBe(3);
    await storage.updateScheduler({ ...v2, state: 'in-sync' });
    expect((await storage.getScheduler('versioned')).spec.version).toBe('v1.1.0');
    expect((await storage.listSchedulers({ version: 'v1.1.0' })).map((s) => s.name)).toEqual(['versioned']);
  });

  it('rolls a new version back when the step after it fails', async () => {
    await storage.createScheduler(aScheduler().withName('atomic').build());
    const next = aScheduler().withName('atomic').withVersion('v2.0.0').build();
    await expect(storage.createSchedulerVersion(next, async () => Promise.reject(new Error('enqueue failed')))).rejects.toThrow(
      'enqueue failed',
    );
    expect((await storage.listSchedulerVersions('atomic')).map((v) => v.version)).toEqual(['v1.0.0']);
  });

  it('lists by game and deletes a scheduler with its versions', async () => {
    await storage.createScheduler(aScheduler().withName('gone').withGame('other-game').build());
    expect((await storage.listSchedulers({ game: 'other-game' })).map((s) => s.name)).toEqual(['gone']);
    await storage.deleteScheduler('gone');
    await expect(storage.getScheduler('gone')).rejects.toBeInstanceOf(NotFoundError);
    const [{ count }] = await dataSource.query("SELECT count(*)::int AS count FROM scheduler_versions WHERE name = 'gone'");
    expect(count).toBe(0);
  });
});
