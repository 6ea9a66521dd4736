import type { Command } from 'commander';
import type { MaestroApi } from '../api/maestro-api';
import { OPERATION_STAGES, type OperationJson, type RoomJson, type SchedulerJson } from '../api/wire-types';
import { UsageError } from '../errors';
import { age } from '../output/format';
import { renderTable } from '../output/table';
import { operationError } from '../rollout/operation-wait';
import type { Session } from '../session';

/** How many operations `describe` shows, newest first. */
const LAST_OPERATIONS = 10;

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');

function autoscalingText(s: SchedulerJson): string {
  const a = s.autoscaling;
  if (!a) return 'none';
  const occupancy = a.policy?.parameters?.roomOccupancy;
  const buffer = a.policy?.parameters?.fixedBuffer;
  const parameters = occupancy ? `readyTarget ${occupancy.readyTarget}, downThreshold ${occupancy.downThreshold}` : buffer ? `amount ${buffer.amount}` : '';
  return `${a.enabled ? 'enabled' : 'disabled'}, min ${a.min ?? 0}, max ${a.max ?? 0}, cooldown ${a.cooldown ?? 0}s, ${a.policy?.type ?? ''} (${parameters})`;
}

function roomsByStatus(rooms: RoomJson[]): string {
  const counts = new Map<string, number>();
  for (const room of rooms) counts.set(room.status, (counts.get(room.status) ?? 0) + 1);
  if (counts.size === 0) return 'none';
  return [...counts].map(([status, count]) => `${status} ${count}`).join(', ');
}

/** The scheduler as `describe` prints it: fields, versions, rooms by status, last operations with their errors. */
export async function describeScheduler(api: MaestroApi, name: string, now: number): Promise<string> {
  const [scheduler, versions, rooms, stages] = await Promise.all([
    api.getScheduler(name),
    api.versions(name),
    api.rooms(name),
    Promise.all(OPERATION_STAGES.map((stage) => api.operations(name, stage))),
  ]);
  const items = stages
    .flat()
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .slice(0, LAST_OPERATIONS);
  const operations: OperationJson[] = await Promise.all(items.map((op) => api.operation(name, op.id)));
  const containers = (scheduler.spec?.containers ?? []).map((c) => [
    c.name ?? '',
    c.image ?? '',
    (c.ports ?? []).map((p) => `${p.name}:${p.port}/${p.protocol}`).join(','),
    `${c.requests?.cpu ?? ''}/${c.limits?.cpu ?? ''}`,
    `${c.requests?.memory ?? ''}/${c.limits?.memory ?? ''}`,
  ]);
  const fields = [
    ['Name', scheduler.name],
    ['Game', scheduler.game],
    ['State', scheduler.state],
    ['Version', scheduler.spec?.version],
    ['Replicas', scheduler.roomsReplicas],
    ['Max surge', scheduler.maxSurge],
    ['Port range', scheduler.portRange ? `${scheduler.portRange.start}-${scheduler.portRange.end}` : 'none'],
    ['Autoscaling', autoscalingText(scheduler)],
    ['Forwarders', (scheduler.forwarders ?? []).map((f) => `${f.name} ${f.address}${f.enable ? '' : ' (disabled)'}`).join(', ') || 'none'],
    ['Rooms', roomsByStatus(rooms)],
  ];
  const width = Math.max(...fields.map(([label]) => String(label).length)) + 2;
  const lines = fields.map(([label, value]) => `${`${label}:`.padEnd(width)}${value ?? ''}`);
  const operationRows = operations.map((op) => [
    op.id,
    op.definitionName,
    op.status,
    age(op.createdAt, now),
    op.status === 'error' || op.status === 'canceled' || op.status === 'evicted' ? operationError(op) : '',
  ]);
  return [
    lines.join('\n'),
    `Containers:\n${indent(renderTable(['name', 'image', 'ports', 'cpu', 'memory'], containers))}`,
    `Versions:\n${indent(
      renderTable(
        ['version', 'active', 'age'],
        versions.map((v) => [v.version, v.isActive ? 'yes' : '', age(v.createdAt, now)]),
      ),
    )}`,
    `Last operations:\n${operations.length > 0 ? indent(renderTable(['id', 'definition', 'status', 'age', 'error'], operationRows)) : '  none'}`,
  ].join('\n\n');
}

export function registerDescribe(program: Command, session: Session): void {
  program
    .command('describe')
    .description('show a scheduler in detail: state, versions, rooms by status, autoscaling, last operations and their errors')
    .argument('<resource>', 'scheduler')
    .argument('<name>', 'the scheduler')
    .addHelpText('after', '\nExample:\n  maestro describe scheduler fixed-fleet')
    .action(async (resource: string, name: string) => {
      if (resource !== 'scheduler' && resource !== 'schedulers') throw new UsageError(`cannot describe ${resource} (use: describe scheduler NAME)`);
      session.print(await describeScheduler(session.client(), name, session.io.now()));
    });
}
