import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from '@maestro/testing';
import { parse } from 'yaml';
import { maestro, maestroInTerminal, maestroRunning, tableRows } from './support/maestro-cli';

/**
 * An operator's walk-through with the `maestro` CLI only: a fleet from examples/ created, scaled,
 * rolled forward and back, a failed and a canceled version, allocation, its autoscaling decisions
 * and a simulation (issue 16), deletion (issue 14).
 */
describe('the maestro CLI against the running system', () => {
  const name = 'fixed-fleet';
  const exampleFile = path.resolve(__dirname, '../../../examples/fixed-fleet.json');
  const example = JSON.parse(readFileSync(exampleFile, 'utf8'));
  /** The example with other room-simulator settings: each variant is a major change. */
  const variant = (env: Record<string, string>, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      ...example,
      ...extra,
      spec: {
        ...example.spec,
        containers: [
          {
            ...example.spec.containers[0],
            environment: [...example.spec.containers[0].environment, ...Object.entries(env).map(([n, value]) => ({ name: n, value }))],
          },
        ],
      },
    });
  const versionsOf = async () =>
    JSON.parse((await maestro(['get', 'versions', name, '-o', 'json'])).stdout).versions as { version: string; isActive: boolean }[];

  it('shows the creation in diff, then apply --wait creates the fleet and ends in sync', async () => {
    const diff = await maestro(['diff', '-f', exampleFile]);
    expect(diff).toEqual({ code: 0, stdout: 'scheduler fixed-fleet does not exist: it will be created (version v1.0.0, 3 rooms)\n', stderr: '' });
    const apply = await maestro(['apply', '-f', exampleFile, '--wait']);
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    const lines = apply.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['scheduler fixed-fleet does not exist: it will be created (version v1.0.0, 3 rooms)', 'scheduler fixed-fleet created']);
    expect(lines).toContain(lines.find((l) => /^operation create_scheduler [0-9a-f-]{36}: finished$/.test(l)));
    expect(lines.slice(-2)).toEqual(['rooms ready on v1.0.0: 3/3', 'scheduler fixed-fleet in sync on v1.0.0']);
  });

  it('lists the fleet: get schedulers and get rooms as tables, json and yaml', async () => {
    const table = tableRows((await maestro(['get', 'schedulers'])).stdout);
    expect(table[0]).toEqual(['NAME', 'GAME', 'STATE', 'VERSION', 'REPLICAS', 'READY', 'OCCUPIED', 'PENDING', 'TERMINATING', 'AGE']);
    expect(table.find((row) => row[0] === name)?.slice(0, 6)).toEqual([name, 'demo', 'in-sync', 'v1.0.0', '3', '3']);
    const rooms = tableRows((await maestro(['get', 'rooms', name])).stdout);
    expect(rooms[0]).toEqual(['NAME', 'STATUS', 'VERSION', 'MATCHES', 'VALIDATION', 'LAST PING', 'AGE']);
    expect(rooms.slice(1).map((row) => row.slice(1, 5))).toEqual(Array(3).fill(['ready', 'v1.0.0', '0', 'no']));
    const json = JSON.parse((await maestro(['get', 'rooms', name, '-o', 'json'])).stdout);
    expect(json.rooms.map((r: { id: string }) => r.id)).toEqual(rooms.slice(1).map((row) => row[0]));
    const yaml = parse((await maestro(['get', 'schedulers', '-o', 'yaml'])).stdout);
    expect(yaml.schedulers.find((s: { name: string }) => s.name === name)).toMatchObject({ name, game: 'demo', version: 'v1.0.0', roomsReplicas: 3 });
  });

  it('rolls forward: a major change previewed by diff, then applied in a terminal with a progress bar', async () => {
    const file = variant({ ROOM_MATCH_DURATION_MS: '60000' });
    const diff = await maestro(['diff', '-f', '-'], { input: file });
    expect(diff.stdout.split('\n')).toEqual([
      'scheduler fixed-fleet: 2 changes',
      '  + spec.containers[0].environment[2].name: "ROOM_MATCH_DURATION_MS"',
      '  + spec.containers[0].environment[2].value: "60000"',
      'major change: the rooms are replaced (new version v2.0.0)',
      '',
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'maestro-cli-e2e-file-'));
    writeFileSync(path.join(dir, 'fleet.json'), file);
    const shown = await maestroInTerminal(['apply', '-f', path.join(dir, 'fleet.json'), '--wait']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('\x1b[1mmajor change: the rooms are replaced (new version v2.0.0)\x1b[22m');
    expect(shown.stdout).toMatch(/rooms ready on v2\.0\.0 \x1b\[36m[\u2588\u2591]{30}\x1b\[39m [0-3]\/3/);
    expect(shown.stdout).toContain(`rooms ready on v2.0.0 \x1b[36m${'\u2588'.repeat(30)}\x1b[39m 3/3`);
    expect(shown.stdout.trimEnd().split(/\r?\n/).at(-1)).toBe('scheduler fixed-fleet in sync on v2.0.0');
    const rooms = JSON.parse((await maestro(['get', 'rooms', name, '-o', 'json'])).stdout).rooms as { version: string; status: string }[];
    expect(rooms.filter((r) => r.status !== 'terminating').map((r) => r.version)).toEqual(['v2.0.0', 'v2.0.0', 'v2.0.0']);
  });

  it('scales with a minor version, and NO_COLOR keeps a terminal plain', async () => {
    const scale = await maestroInTerminal(['scale', name, '--replicas', '4', '--wait'], { NO_COLOR: '1' });
    expect(scale.code).toBe(0);
    expect(scale.stdout).not.toMatch(/\x1b\[3\dm/);
    expect(scale.stdout).toMatch(/^scheduler fixed-fleet: roomsReplicas 3 -> 4 \(operation [0-9a-f-]{36}\)/);
    expect(scale.stdout.trimEnd().split(/\r?\n/).at(-1)).toBe('scheduler fixed-fleet in sync on v2.1.0');
    const versions = tableRows((await maestro(['get', 'versions', name])).stdout);
    expect(versions.map((row) => row.slice(0, 2))).toEqual(
      [['VERSION', 'ACTIVE'], ['v2.1.0', 'yes'], ['v2.0.0'], ['v1.0.0']].map((r) => (r.length === 1 ? [r[0], expect.stringMatching(/^\d+[smhd]$/)] : r)),
    );
  });

  it('rolls back to the previous version by default, then to a given one', async () => {
    const back = await maestro(['rollback', name, '--wait']);
    expect(back.code).toBe(0);
    expect(back.stdout.split('\n')[0]).toMatch(/^scheduler fixed-fleet: v2\.1\.0 -> v2\.0\.0, minor: the rooms are kept \(operation [0-9a-f-]{36}\)$/);
    expect(back.stdout.trimEnd().split('\n').slice(-2)).toEqual(['rooms ready on v2.0.0: 3/3', 'scheduler fixed-fleet in sync on v2.0.0']);
    const first = await maestro(['rollback', name, '--to', 'v1.0.0', '--wait']);
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n')[0]).toMatch(/^scheduler fixed-fleet: v2\.0\.0 -> v1\.0\.0, major: the rooms are replaced/);
    expect((await versionsOf()).find((v) => v.isActive)?.version).toBe('v1.0.0');
    const rooms = JSON.parse((await maestro(['get', 'rooms', name, '-o', 'json'])).stdout).rooms as { version: string; status: string }[];
    expect(rooms.filter((r) => r.status !== 'terminating').map((r) => r.version)).toEqual(['v1.0.0', 'v1.0.0', 'v1.0.0']);
  });

  it("ends 1 with the operation's error when a new version fails its validation room", async () => {
    const failed = await maestro(['apply', '-f', '-', '--wait'], { input: variant({ ROOM_FAILURE_MODE: 'exit', ROOM_FAIL_AFTER_MS: '0' }) });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /^error: operation create_new_scheduler_version [0-9a-f-]{36} error: All validation attempts have failed, operation aborted!\n$/,
    );
    expect((await versionsOf()).find((v) => v.isActive)?.version).toBe('v1.0.0');
  });

  it('cancels a running new version, whose logs then end canceled', async () => {
    const started = await maestro(['apply', '-f', '-'], { input: variant({ ROOM_FAILURE_MODE: 'never-ready' }) });
    expect(started.code).toBe(0);
    const id = /operation create_new_scheduler_version (\S+) enqueued/.exec(started.stdout)![1];
    const log = maestro(['logs', name, id, '-f']);
    // The operation is running once its history says so: cancel it then.
    await waitFor(async () => (await maestro(['logs', name, id])).stdout.includes('Starting operation'), {
      timeoutMs: 30_000,
      description: 'the operation running',
    });
    expect(await maestro(['cancel', name, id])).toEqual({ code: 0, stdout: `cancel of operation ${id} requested\n`, stderr: '' });
    const followed = await log;
    expect(followed.code).toBe(0);
    const lines = followed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\S+Z {2}Created$/);
    expect(lines.at(-1)).toBe(`operation create_new_scheduler_version ${id}: canceled`);
    const operations = tableRows((await maestro(['get', 'operations', name, '--stage', 'final'])).stdout);
    expect(operations[0]).toEqual(['ID', 'DEFINITION', 'STATUS', 'STAGE', 'AGE']);
    expect(operations.find((row) => row[0] === id)?.slice(1, 4)).toEqual(['create_new_scheduler_version', 'canceled', 'final']);
  });

  it('describes the scheduler, and allocates a room as a matchmaker while get rooms --watch shows it', async () => {
    const described = (await maestro(['describe', 'scheduler', name])).stdout.split('\n');
    expect(described.slice(0, 4)).toEqual(['Name:        fixed-fleet', 'Game:        demo', 'State:       in-sync', 'Version:     v1.0.0']);
    expect(described).toContain('Last operations:');
    expect(described.some((line) => /create_new_scheduler_version\s+error\s+\S+\s+All validation attempts have failed/.test(line))).toBe(true);
    const watch = maestroRunning(['get', 'rooms', name, '--watch']);
    try {
      await waitFor(() => watch.output().includes('NAME'), { timeoutMs: 20_000, description: 'the first table' });
      expect(watch.output()).not.toMatch(/ allocated /);
      const allocated = await maestro(['allocate', name]);
      expect(allocated.code).toBe(0);
      await waitFor(() => new RegExp(`${allocated.stdout.trim()}\\s+allocated\\s+v1\\.0\\.0`).test(watch.output()), {
        timeoutMs: 20_000,
        description: 'the allocated room watched',
      });
    } finally {
      await watch.stop();
    }
  });

  it("explains the health controller's decisions and compares candidate policies on the recorded hour", async () => {
    const decisions = await maestro(['autoscaling', 'decisions', name, '--limit', '3']);
    expect(decisions.code).toBe(0);
    const rows = tableRows(decisions.stdout);
    expect(rows[0]).toEqual(['AT', 'ROOMS', 'CURRENT->DESIRED', 'LIMITED BY', 'ACTION', 'REASON']);
    expect(rows).toHaveLength(4);
    // Without autoscaling the health controller keeps roomsReplicas (3 after the rollbacks).
    expect(rows.slice(1).map((row) => row[2])).toEqual(Array(3).fill(expect.stringMatching(/^\d+->3$/)));
    const json = JSON.parse((await maestro(['autoscaling', 'decisions', name, '--limit', '3', '-o', 'json'])).stdout);
    const times = json.decisions.map((d: { at: string }) => Date.parse(d.at));
    expect(times).toEqual([...times].sort((a: number, b: number) => b - a));
    expect(json.decisions[0]).toMatchObject({ policy: { type: 'roomsReplicas' }, desired: 3, reason: expect.any(String) });

    const dir = mkdtempSync(path.join(tmpdir(), 'maestro-cli-e2e-candidates-'));
    const candidate = (file: string, policy: object) => {
      writeFileSync(path.join(dir, file), JSON.stringify({ enabled: true, min: 1, max: 10, cooldown: 0, policy }));
      return ['--candidate', path.join(dir, file)];
    };
    const args = [
      ...candidate('occupancy.json', { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: 0.9 } } }),
      ...candidate('buffer.json', { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 4 } } }),
    ];
    const simulated = await maestro(['autoscaling', 'simulate', name, '--since', '1h', ...args]);
    expect(simulated.stderr).toBe('');
    const summaries = tableRows(simulated.stdout);
    expect(summaries[0]).toEqual(['CANDIDATE', 'POLICY', 'ROOM-HOURS', 'SHORTFALL ROOM-MIN', 'MIN WITHOUT READY', 'SCALE OPS', 'PEAK ROOMS']);
    expect(summaries.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ['occupancy.json', 'roomOccupancy readyTarget=0.5 downThreshold=0.9 min=1 max=10 cooldown=0'],
      ['buffer.json', 'fixedBuffer amount=4 min=1 max=10 cooldown=0'],
    ]);
    // A fixed buffer of 4 keeps at least 4 rooms at every step, above 1 room when nothing is occupied.
    expect(Number(summaries[2][6])).toBeGreaterThanOrEqual(4);
    const answer = JSON.parse((await maestro(['autoscaling', 'simulate', name, '--since', '1h', ...args, '-o', 'json'])).stdout);
    expect(answer.candidates).toHaveLength(2);
    expect(answer.candidates.map((c: { summary: { peakRooms: number } }) => String(c.summary.peakRooms))).toEqual(summaries.slice(1).map((row) => row[6]));
  });

  it('deletes only with --yes off a terminal, then the scheduler is gone', async () => {
    expect((await maestro(['delete', name])).code).toBe(2);
    const deleted = await maestro(['delete', name, '--yes', '--wait']);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout.trimEnd().split('\n').at(-1)).toBe('scheduler fixed-fleet deleted');
    expect(await maestro(['get', 'versions', name])).toEqual({ code: 1, stdout: '', stderr: 'error: scheduler fixed-fleet not found\n' });
  });
});
