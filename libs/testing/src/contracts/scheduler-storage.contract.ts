import { AlreadyExistsError, NotFoundError, type SchedulerStorage, UnexpectedError } from '@maestro/domain';
import { aFixedBufferAutoscaling, aForwarder, aScheduler } from '../builders';

/**
 * The SchedulerStorage port's contract, run against the Postgres adapter and the in-memory fake.
 * `storage()` answers the implementation under test; scheduler names are unique per test.
 */
export function schedulerStorageContract(storage: () => SchedulerStorage): void {
  describe('SchedulerStorage contract', () => {
    let names = 0;
    const aName = () => `storage-contract-${++names}`;
    const versionsOf = async (name: string) => (await storage().listSchedulerVersions(name)).map((v) => v.version);
    /** A NotFoundError with Maestro's message (whatever its cause). */
    const notFound = (name: string) => expect.objectContaining({ constructor: NotFoundError, message: `scheduler ${name} not found` });

    it('stores a scheduler with its first version and answers it as stored', async () => {
      const name = aName();
      const scheduler = aScheduler()
        .withName(name)
        .withState('in-sync')
        .withRoomsReplicas(2)
        .withAutoscaling(aFixedBufferAutoscaling())
        .withForwarders(aForwarder())
        .withAnnotations({ team: 'a' })
        .withLabels({ tier: 'gold' })
        .withMaxMatches(3)
        .build();
      await storage().createScheduler(scheduler);
      const read = await storage().getScheduler(name);
      expect(read).toEqual({ ...scheduler, createdAt: read.createdAt });
      expect(await storage().listSchedulerVersions(name)).toEqual([{ version: 'v1.0.0', isActive: true, createdAt: read.createdAt }]);
    });

    it('keeps absent and empty maps apart', async () => {
      const name = aName();
      await storage().createScheduler(aScheduler().withName(name).withAnnotations({}).withLabels(undefined).build());
      const read = await storage().getScheduler(name);
      expect(read.annotations).toEqual({});
      expect(read.labels).toBeUndefined();
    });

    it('refuses a second scheduler of the same name and keeps the first', async () => {
      const name = aName();
      await storage().createScheduler(aScheduler().withName(name).withGame('first').build());
      const duplicate = storage().createScheduler(aScheduler().withName(name).withGame('second').build());
      await expect(duplicate).rejects.toBeInstanceOf(AlreadyExistsError);
      await expect(duplicate).rejects.toThrow(`error creating scheduler ${name}: name already exists`);
      expect((await storage().getScheduler(name)).game).toBe('first');
      expect(await versionsOf(name)).toEqual(['v1.0.0']);
    });

    it('answers not found for an unknown scheduler or version, naming the scheduler', async () => {
      const name = aName();
      await expect(storage().getScheduler(name)).rejects.toEqual(notFound(name));
      await expect(storage().listSchedulerVersions(name)).rejects.toEqual(notFound(name));
      await expect(storage().updateScheduler(aScheduler().withName(name).build())).rejects.toEqual(notFound(name));
      await expect(storage().createSchedulerVersion(aScheduler().withName(name).build())).rejects.toEqual(notFound(name));
      await storage().createScheduler(aScheduler().withName(name).build());
      await expect(storage().getSchedulerWithVersion(name, 'v9.0.0')).rejects.toEqual(notFound(name));
      expect(await storage().findSchedulerWithVersion(name, 'v9.0.0')).toBeUndefined();
      expect(await storage().findSchedulerWithVersion(aName(), 'v1.0.0')).toBeUndefined();
      expect((await storage().findSchedulerWithVersion(name, 'v1.0.0'))?.name).toBe(name);
    });

    it('lists versions newest first, and takes createdAt and rollback from the newest version row', async () => {
      const name = aName();
      await storage().createScheduler(aScheduler().withName(name).build());
      await storage().createSchedulerVersion(
        aScheduler().withName(name).withVersion('v1.1.0').withRoomsReplicas(3).with({ rollbackVersion: 'v1.0.0' }).build(),
      );
      const versions = await storage().listSchedulerVersions(name);
      expect(versions.map((v) => [v.version, v.isActive])).toEqual([
        ['v1.1.0', false],
        ['v1.0.0', true],
      ]);
      expect(versions[0].createdAt.getTime()).toBeGreaterThanOrEqual(versions[1].createdAt.getTime());
      const active = await storage().getScheduler(name);
      expect(active.spec.version).toBe('v1.0.0');
      expect(active.roomsReplicas).toBe(0);
      expect(active.rollbackVersion).toBe('v1.0.0');
      expect(active.createdAt).toEqual(versions[0].createdAt);
    });

    it('answers one version with its own configuration, creation time and rollback, and the active game and state', async () => {
      const name = aName();
      await storage().createScheduler(aScheduler().withName(name).withState('in-sync').build());
      await storage().createSchedulerVersion(
        aScheduler()
          .withName(name)
          .withGame('ignored')
          .withState('on-error')
          .withVersion('v2.0.0')
          .withRoomsReplicas(4)
          .with({ rollbackVersion: 'v1.0.0' })
          .build(),
      );
      const read = await storage().getSchedulerWithVersion(name, 'v2.0.0');
      const [newest] = await storage().listSchedulerVersions(name);
      expect(read).toMatchObject({ name, game: 'my-game', state: 'in-sync', roomsReplicas: 4, rollbackVersion: 'v1.0.0', createdAt: newest.createdAt });
      expect(read.spec.version).toBe('v2.0.0');
      expect((await storage().getSchedulerWithVersion(name, 'v1.0.0')).roomsReplicas).toBe(0);
    });

    it('silently keeps an existing version when it is created again', async () => {
      const name = aName();
      await storage().createScheduler(aScheduler().withName(name).build());
      await storage().createSchedulerVersion(aScheduler().withName(name).withRoomsReplicas(9).build());
      expect((await storage().getSchedulerWithVersion(name, 'v1.0.0')).roomsReplicas).toBe(0);
      expect(await versionsOf(name)).toEqual(['v1.0.0']);
    });

    it('replaces the active configuration, state and version on update, keeping the versions', async () => {
      const name = aName();
      await storage().createScheduler(aScheduler().withName(name).build());
      const next = aScheduler().withName(name).withVersion('v1.1.0').withState('in-sync').withMaxSurge('3').build();
      await storage().createSchedulerVersion(next);
      await storage().updateScheduler(next);
      const read = await storage().getScheduler(name);
      expect(read).toMatchObject({ state: 'in-sync', maxSurge: '3' });
      expect(read.spec.version).toBe('v1.1.0');
      expect((await storage().listSchedulerVersions(name)).map((v) => [v.version, v.isActive])).toEqual([
        ['v1.1.0', true],
        ['v1.0.0', false],
      ]);
      expect((await storage().listSchedulers({ name, version: 'v1.1.0' })).map((s) => s.name)).toEqual([name]);
      expect(await storage().listSchedulers({ name, version: 'v1.0.0' })).toEqual([]);
    });

    it('keeps the rollback threshold of each version, and the rollout watch of the active configuration (not in Maestro)', async () => {
      const name = aName();
      await storage().createScheduler(aScheduler().withName(name).build());
      const next = { ...aScheduler().withName(name).withVersion('v1.1.0').withState('in-sync').build(), rollbackThreshold: '5%' };
      await storage().createSchedulerVersion(next);
      const rollout = {
        version: 'v1.1.0',
        previousVersion: 'v1.0.0',
        startedAt: new Date('2026-01-02T10:00:00Z'),
        fleetSize: 3,
        failedRooms: [{ id: 'r1', description: 'status error' }],
      };
      await storage().updateScheduler({ ...next, rollout });
      expect(await storage().getScheduler(name)).toMatchObject({ rollbackThreshold: '5%', rollout });
      expect((await storage().getSchedulerWithVersion(name, 'v1.1.0')).rollbackThreshold).toBe('5%');
      expect((await storage().getSchedulerWithVersion(name, 'v1.1.0')).rollout).toBeUndefined();
      expect((await storage().getSchedulerWithVersion(name, 'v1.0.0')).rollbackThreshold).toBeUndefined();
    });

    it('runs the step after a new version, and undoes the version when that step fails, passing its error through', async () => {
      const name = aName();
      await storage().createScheduler(aScheduler().withName(name).build());
      const next = aScheduler().withName(name).withVersion('v2.0.0').build();
      const busy = new AlreadyExistsError('busy');
      await expect(storage().createSchedulerVersion(next, () => Promise.reject(busy))).rejects.toBe(busy);
      expect(await versionsOf(name)).toEqual(['v1.0.0']);
      let steps = 0;
      await storage().createSchedulerVersion(next, async () => void steps++);
      expect(steps).toBe(1);
      expect(await versionsOf(name)).toEqual(['v2.0.0', 'v1.0.0']);
    });

    it('lists schedulers by name, game and active version, each with its creation time and no rollback', async () => {
      const [first, second] = [aName(), aName()];
      await storage().createScheduler(aScheduler().withName(first).withGame(`${first}-game`).build());
      await storage().createScheduler(aScheduler().withName(second).withGame(`${first}-game`).build());
      await storage().createSchedulerVersion(aScheduler().withName(first).withVersion('v1.1.0').with({ rollbackVersion: 'v1.0.0' }).build());
      const listed = await storage().listSchedulers({ game: `${first}-game` });
      expect(listed.map((s) => s.name)).toEqual([first, second]);
      expect(listed[0].createdAt).toEqual((await storage().listSchedulerVersions(first))[1].createdAt);
      expect(listed[0].rollbackVersion).toBe('');
      expect((await storage().listSchedulers({ name: first, game: 'my-game' })).length).toBe(0);
      expect((await storage().listSchedulers()).map((s) => s.name)).toEqual(expect.arrayContaining([first, second]));
    });

    it('deletes a scheduler with its versions, and keeps both when the step after it fails', async () => {
      const name = aName();
      await storage().createScheduler(aScheduler().withName(name).build());
      await storage().createSchedulerVersion(aScheduler().withName(name).withVersion('v1.1.0').build());
      const down = new UnexpectedError('runtime down');
      await expect(storage().deleteScheduler(name, () => Promise.reject(down))).rejects.toBe(down);
      expect(await versionsOf(name)).toEqual(['v1.1.0', 'v1.0.0']);
      await storage().deleteScheduler(name);
      await expect(storage().getScheduler(name)).rejects.toBeInstanceOf(NotFoundError);
      await expect(storage().listSchedulerVersions(name)).rejects.toBeInstanceOf(NotFoundError);
      expect(await storage().listSchedulers({ name })).toEqual([]);
      await expect(storage().deleteScheduler(name)).resolves.toBeUndefined();
      await storage().createScheduler(aScheduler().withName(name).build());
      expect(await versionsOf(name)).toEqual(['v1.0.0']);
    });
  });
}
