import type { MaestroApi } from '../api/maestro-api';
import { OPERATION_STAGES, type OperationItemJson, type OperationStage } from '../api/wire-types';
import { UsageError } from '../errors';
import { age } from '../output/format';
import { renderTable } from '../output/table';

/** One listing of `get`: the API's data (for json/yaml) and its table. */
export interface Listing {
  data: unknown;
  table: string;
}

export async function schedulersListing(api: MaestroApi, now: number): Promise<Listing> {
  const [{ schedulers }, info] = await Promise.all([api.listSchedulers(), api.schedulersInfo()]);
  const counters = new Map(info.schedulers.map((s) => [s.name, s]));
  const sorted = [...schedulers].sort((a, b) => a.name.localeCompare(b.name));
  const rows = sorted.map((s) => {
    const c = counters.get(s.name);
    return [
      s.name,
      s.game,
      s.state,
      s.version,
      s.roomsReplicas,
      c?.roomsReady ?? 0,
      c?.roomsOccupied ?? 0,
      c?.roomsPending ?? 0,
      c?.roomsTerminating ?? 0,
      age(s.createdAt, now),
    ];
  });
  return {
    data: { schedulers: sorted },
    table: renderTable(['name', 'game', 'state', 'version', 'replicas', 'ready', 'occupied', 'pending', 'terminating', 'age'], rows),
  };
}

export async function roomsListing(api: MaestroApi, name: string, now: number): Promise<Listing> {
  const rooms = await api.rooms(name);
  const rows = rooms.map((r) => [
    r.id,
    r.status,
    r.version,
    r.runningMatches,
    r.isValidationRoom ? 'yes' : 'no',
    age(r.lastPingAt, now),
    age(r.createdAt, now),
  ]);
  return { data: { rooms }, table: renderTable(['name', 'status', 'version', 'matches', 'validation', 'last ping', 'age'], rows) };
}

/** `--stage`'s value: one stage, or every stage when absent. */
export function parseStages(stage: string | undefined): OperationStage[] {
  if (stage === undefined || stage === 'all') return [...OPERATION_STAGES];
  if ((OPERATION_STAGES as readonly string[]).includes(stage)) return [stage as OperationStage];
  throw new UsageError(`unknown stage ${stage} (use ${OPERATION_STAGES.join(', ')} or all)`);
}

export async function operationsListing(api: MaestroApi, name: string, stages: OperationStage[], now: number): Promise<Listing> {
  const byStage = await Promise.all(stages.map(async (stage) => ({ stage, operations: await api.operations(name, stage) })));
  const rows = byStage.flatMap(({ stage, operations }) =>
    operations.map((op: OperationItemJson) => [op.id, op.definitionName, op.status, stage, age(op.createdAt, now)]),
  );
  const data = Object.fromEntries(byStage.map(({ stage, operations }) => [stage, operations]));
  return { data, table: renderTable(['id', 'definition', 'status', 'stage', 'age'], rows) };
}

export async function versionsListing(api: MaestroApi, name: string, now: number): Promise<Listing> {
  const versions = await api.versions(name);
  const rows = versions.map((v) => [v.version, v.isActive ? 'yes' : '', age(v.createdAt, now)]);
  return { data: { versions }, table: renderTable(['version', 'active', 'age'], rows) };
}
