import type { components } from '../api/management-api';
import type { CurrentToken } from '../api/session';
import { FakeApi } from './fake-api';

type Scheduler = components['schemas']['SchedulerResponse'];

export const aToken = (overrides: Partial<CurrentToken> = {}): CurrentToken => ({
  id: 't1',
  name: 'on-call',
  role: 'admin',
  games: ['*'],
  createdAt: '2026-01-02T10:00:00Z',
  ...overrides,
});

export function aScheduler(name = 'arena', overrides: Partial<Scheduler> = {}): Scheduler {
  return {
    name,
    game: 'shooter',
    state: 'in-sync',
    createdAt: '2026-01-02T10:00:00Z',
    maxSurge: '25%',
    roomsReplicas: 2,
    portRange: { start: 40000, end: 41000 },
    spec: {
      version: 'v1.1.0',
      terminationGracePeriod: '100s',
      containers: [],
      toleration: '',
      affinity: '',
      restartPolicy: 'Never',
    },
    forwarders: [],
    annotations: {},
    labels: {},
    matchAllocation: { maxMatches: 1 },
    ...overrides,
  } as Scheduler;
}

/** A fake API with one scheduler, its rooms, versions, operations and history; authentication off unless `token`. */
export function aFleetApi(token?: CurrentToken): FakeApi {
  const api = new FakeApi();
  const scheduler = aScheduler();
  if (token)
    api.on('GET', '/tokens/current', (r) => (r.headers.get('authorization') === 'Bearer secret' ? { body: { token } } : { status: 401, body: { code: 16 } }));
  return api
    .on('GET', '/schedulers', {
      body: {
        schedulers: [
          { ...scheduler, version: 'v1.1.0' },
          { ...aScheduler('lobby', { game: 'chess' }), version: 'v1.0.0' },
        ],
      },
    })
    .on('GET', '/schedulers/info', {
      body: {
        schedulers: [
          {
            name: 'arena',
            game: 'shooter',
            state: 'in-sync',
            roomsReplicas: 2,
            roomsReady: 1,
            roomsOccupied: 1,
            roomsPending: 0,
            roomsTerminating: 0,
            autoscaling: null,
          },
          {
            name: 'lobby',
            game: 'chess',
            state: 'in-sync',
            roomsReplicas: 1,
            roomsReady: 1,
            roomsOccupied: 0,
            roomsPending: 0,
            roomsTerminating: 0,
            autoscaling: null,
          },
        ],
      },
    })
    .on('GET', '/schedulers/arena', { body: { scheduler } })
    .on('GET', '/schedulers/arena/rooms', {
      body: {
        rooms: [
          {
            id: 'arena-b',
            status: 'occupied',
            version: 'v1.1.0',
            lastPingAt: new Date().toISOString(),
            createdAt: '',
            runningMatches: 1,
            isValidationRoom: false,
            host: '10.0.0.2',
            ports: [{ name: 'game', port: 40002, protocol: 'UDP' }],
          },
          {
            id: 'arena-a',
            status: 'ready',
            version: 'v1.0.0',
            lastPingAt: new Date().toISOString(),
            createdAt: '',
            runningMatches: 0,
            isValidationRoom: false,
            host: '10.0.0.1',
            ports: [{ name: 'game', port: 40001, protocol: 'UDP' }],
          },
        ],
      },
    })
    .on('GET', '/schedulers/arena/rooms/history\\?since=1h', {
      body: { samples: [{ at: new Date().toISOString(), ready: 1, occupied: 1, pending: 0, terminating: 0, error: 0 }] },
    })
    .on('GET', '/schedulers/arena/autoscaling/decisions\\?limit=20', { body: { decisions: [aDecision()] } })
    .on('GET', '/schedulers/arena/versions', {
      body: {
        versions: [
          { version: 'v1.1.0', isActive: true, createdAt: '2026-01-02T11:00:00Z' },
          { version: 'v1.0.0', isActive: false, createdAt: '2026-01-02T10:00:00Z' },
        ],
      },
    })
    .on('GET', '/schedulers/arena/operations\\?stage=pending', { body: { operations: [] } })
    .on('GET', '/schedulers/arena/operations\\?stage=active', {
      body: { operations: [{ id: 'op-2', status: 'in_progress', definitionName: 'add_rooms', schedulerName: 'arena', createdAt: '2026-01-02T11:01:00Z' }] },
    })
    .on('GET', '/schedulers/arena/operations\\?stage=final&page=1&perPage=20', {
      body: {
        page: 1,
        pageSize: 20,
        total: 1,
        operations: [
          { id: 'op-1', status: 'error', definitionName: 'create_new_scheduler_version', schedulerName: 'arena', createdAt: '2026-01-02T11:00:00Z' },
        ],
      },
    })
    .on('GET', '/schedulers/arena/operations/op-1', {
      body: {
        operation: {
          id: 'op-1',
          status: 'error',
          definitionName: 'create_new_scheduler_version',
          schedulerName: 'arena',
          createdAt: '',
          input: {},
          executionHistory: [{ createdAt: '2026-01-02T11:00:05Z', event: 'validation room failed: crash loop' }],
        },
      },
    });
}

type Decision = components['schemas']['AutoscalingDecisionResponse'];

/** A decision of the health controller that added rooms, capped by max. */
export const aDecision = (overrides: Partial<Decision> = {}): Decision => ({
  at: '2026-01-02T11:02:00Z',
  operationId: 'hc-1',
  rooms: { ready: 3, occupied: 7, pending: 0, terminating: 0, error: 0 },
  policy: { type: 'roomOccupancy', min: 1, max: 12, cooldown: 0, parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: 0.99 } } },
  current: 10,
  desired: 12,
  limitedBy: ['max'],
  action: { kind: 'add', amount: 2, operationId: 'op-2' },
  reason: '3 of 10 rooms ready, readyTarget 0.5 wants 14, capped by max 12: +2',
  ...overrides,
});

type Simulation = components['schemas']['SimulationResponse'];

/** A simulation of three steps whose summary is `summary` (the rest zero). */
export const aSimulation = (summary: Partial<Simulation['summary']> = {}): Simulation => ({
  steps: [
    { at: '2026-01-02T10:00:00Z', occupied: 2, ready: 1, desired: 4 },
    { at: '2026-01-02T10:01:00Z', occupied: 3, ready: 1, desired: 6 },
    { at: '2026-01-02T10:02:00Z', occupied: 3, ready: 3, desired: 6 },
  ],
  summary: { roomHours: 0, shortfallRoomMinutes: 0, minutesWithoutReadyRoom: 0, scaleOperations: 0, peakRooms: 0, ...summary },
});
