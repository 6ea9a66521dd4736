import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AutoscalingDecisionJson, SimulationJson } from '../api/wire-types';
import { runCli } from '../run';
import { fakeIo } from '../testing/fake-io';

const env = { MAESTRO_URL: 'http://api.test:8080' };

const aDecision = (overrides: Partial<AutoscalingDecisionJson> = {}): AutoscalingDecisionJson => ({
  at: '2026-01-02T10:00:00.000Z',
  operationId: 'hc-1',
  rooms: { ready: 3, occupied: 7, pending: 0, terminating: 0, error: 0 },
  policy: { type: 'roomOccupancy', min: 1, max: 12, cooldown: 0, parameters: { roomOccupancy: { readyTarget: 0.5 } } },
  current: 10,
  desired: 12,
  limitedBy: ['max'],
  action: { kind: 'add', amount: 2, operationId: 'op-1' },
  reason: '3 of 10 rooms ready, readyTarget 0.5 wants 14, capped by max 12: +2',
  ...overrides,
});

const aSimulation = (summary: Partial<SimulationJson['summary']>): SimulationJson => ({
  steps: [{ at: '2026-01-02T10:00:00.000Z', occupied: 1, ready: 1, desired: 2 }],
  summary: { roomHours: 0, shortfallRoomMinutes: 0, minutesWithoutReadyRoom: 0, scaleOperations: 0, peakRooms: 0, ...summary },
});

describe('autoscaling decisions', () => {
  it('prints the decisions as a table, newest first as the API answers them', async () => {
    const idle = aDecision({
      at: '2026-01-02T10:01:00.000Z',
      rooms: { ready: 0, occupied: 0, pending: 0, terminating: 0, error: 0 },
      current: 0,
      desired: 0,
      limitedBy: [],
      action: { kind: 'none', amount: 0, operationId: null },
      reason: 'no rooms wanted',
    });
    const run = fakeIo({ 'GET /schedulers/fleet/autoscaling/decisions?limit=2': { body: { decisions: [idle, aDecision()] } } }, env);
    expect(await runCli(['autoscaling', 'decisions', 'fleet', '--limit', '2'], run.io)).toBe(0);
    expect(run.stdout().split('\n')).toEqual([
      'AT                     ROOMS                 CURRENT->DESIRED   LIMITED BY   ACTION   REASON',
      '2026-01-02T10:01:00Z   no rooms              0->0               -            none     no rooms wanted',
      '2026-01-02T10:00:00Z   3 ready, 7 occupied   10->12             max          add 2    3 of 10 rooms ready, readyTarget 0.5 wants 14, capped by max 12: +2',
      '',
    ]);
  });

  it("prints the API's JSON with -o json, asking for the API's default number without --limit", async () => {
    const run = fakeIo({ 'GET /schedulers/fleet/autoscaling/decisions': { body: { decisions: [aDecision()] } } }, env);
    expect(await runCli(['autoscaling', 'decisions', 'fleet', '-o', 'json'], run.io)).toBe(0);
    expect(JSON.parse(run.stdout())).toEqual({ decisions: [aDecision()] });
  });

  it('ends 2 on a limit that is not a positive number, and 1 with the message of an unknown scheduler', async () => {
    expect(await runCli(['autoscaling', 'decisions', 'fleet', '--limit', '0'], fakeIo({}, env).io)).toBe(2);
    const run = fakeIo({ 'GET /schedulers/nope/autoscaling/decisions': { status: 404, body: { code: 5, message: 'scheduler nope not found' } } }, env);
    expect(await runCli(['autoscaling', 'decisions', 'nope'], run.io)).toBe(1);
    expect(run.stderr()).toBe('error: scheduler nope not found\n');
  });
});

describe('autoscaling simulate', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'maestro-simulate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const occupancy = { enabled: true, min: 1, max: 20, policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.4 } } } };
  const buffer = { enabled: true, min: 2, max: 30, policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 5 } } } };

  it('compares candidate files side by side over the period given', async () => {
    writeFileSync(path.join(dir, 'occupancy.json'), JSON.stringify(occupancy));
    // A scheduler file: its autoscaling block is the candidate.
    writeFileSync(
      path.join(dir, 'fleet.yaml'),
      `name: fleet\ngame: demo\nautoscaling:\n  enabled: true\n  min: 2\n  max: 30\n  policy:\n    type: fixedBuffer\n    parameters:\n      fixedBuffer:\n        amount: 5\n`,
    );
    const run = fakeIo(
      {
        'POST /schedulers/fleet/autoscaling/simulate': {
          body: {
            candidates: [
              aSimulation({ roomHours: 10.12345, shortfallRoomMinutes: 3, peakRooms: 9, scaleOperations: 4 }),
              aSimulation({ roomHours: 14, peakRooms: 12 }),
            ],
          },
        },
      },
      env,
    );
    const args = [
      'autoscaling',
      'simulate',
      'fleet',
      '--since',
      '6h',
      '--candidate',
      path.join(dir, 'occupancy.json'),
      '--candidate',
      path.join(dir, 'fleet.yaml'),
    ];
    expect(await runCli(args, run.io)).toBe(0);
    expect(run.requests[0].body).toEqual({ candidates: [occupancy, buffer], since: '6h' });
    expect(run.stdout().split('\n')).toEqual([
      'CANDIDATE        POLICY                                       ROOM-HOURS   SHORTFALL ROOM-MIN   MIN WITHOUT READY   SCALE OPS   PEAK ROOMS',
      'occupancy.json   roomOccupancy readyTarget=0.4 min=1 max=20   10.123       3                    0                   4           9',
      'fleet.yaml       fixedBuffer amount=5 min=2 max=30            14           0                    0                   0           12',
      '',
    ]);
  });

  it("simulates the scheduler's own policy over a trace read from stdin, with a start-up time", async () => {
    const trace = [
      { at: '2026-01-02T10:00:00Z', occupied: 2 },
      { at: '2026-01-02T10:05:00Z', occupied: 6 },
    ];
    const run = fakeIo({ 'POST /schedulers/fleet/autoscaling/simulate': { body: aSimulation({ roomHours: 1.5, peakRooms: 8 }) } }, env, {
      stdin: JSON.stringify(trace),
    });
    expect(await runCli(['autoscaling', 'simulate', 'fleet', '--trace', '-', '--startup-delay', '30'], run.io)).toBe(0);
    expect(run.requests[0].body).toEqual({ trace, startupDelaySeconds: 30 });
    expect(run.stdout().split('\n')[1]).toMatch(/^current\s{2,}the scheduler's own\s{2,}1\.5\s{2,}0\s{2,}0\s{2,}0\s{2,}8$/);
  });

  it('prints the answer as yaml with -o yaml', async () => {
    const run = fakeIo({ 'POST /schedulers/fleet/autoscaling/simulate': { body: aSimulation({ peakRooms: 3 }) } }, env);
    expect(await runCli(['autoscaling', 'simulate', 'fleet', '-o', 'yaml'], run.io)).toBe(0);
    expect(run.stdout()).toContain('peakRooms: 3\n');
    expect(run.requests[0].body).toEqual({});
  });

  it('ends 2 on --since with --trace, or a trace point without a time, before calling the API', async () => {
    writeFileSync(path.join(dir, 'trace.yaml'), '- at: 2026-01-02T10:00:00Z\n  occupied: 2\n- occupied: 3\n');
    const both = fakeIo({}, env);
    expect(await runCli(['autoscaling', 'simulate', 'fleet', '--since', '1h', '--trace', path.join(dir, 'trace.yaml')], both.io)).toBe(2);
    expect(both.stderr()).toBe('error: give --since or --trace, not both\n');
    const bad = fakeIo({}, env);
    expect(await runCli(['autoscaling', 'simulate', 'fleet', '--trace', path.join(dir, 'trace.yaml')], bad.io)).toBe(2);
    expect(bad.stderr()).toBe(`error: ${path.join(dir, 'trace.yaml')}: trace[1].at: a time such as 2026-01-02T10:00:00Z\n`);
    expect([...both.requests, ...bad.requests]).toEqual([]);
  });

  it("ends 1 with the API's message naming a bad candidate's field", async () => {
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...occupancy, min: -1 }));
    const run = fakeIo(
      { 'POST /schedulers/fleet/autoscaling/simulate': { status: 400, body: { code: 3, message: 'Candidates[0].Min: must be at least 0' } } },
      env,
    );
    expect(await runCli(['autoscaling', 'simulate', 'fleet', '--candidate', path.join(dir, 'bad.json')], run.io)).toBe(1);
    expect(run.stderr()).toBe('error: Candidates[0].Min: must be at least 0\n');
  });
});
