/**
 * `npm run bench`: every case of issue 17 side by side in one run, one table of ratios and
 * pass/fail per target, recorded in bench/results.md with the machine and the commit.
 *
 *   npm run bench -- [--only ping,fleet,schedulers] [--full] [--no-record]
 *     [--api-rooms 1000] [--seconds 5] [--rounds 5]   rooms API: rooms per scheduler (10 schedulers), round length, rounds
 *     [--connections 32]                              rooms API: the load generator's connections, both sides
 *     [--fleet-rooms 2000] [--qps 200]                fleet growth: rooms of the one scheduler, Kubernetes client QPS
 *     [--schedulers 200] [--rooms-each 1]             one worker with many schedulers
 *
 * `--full` takes the sizes: 10,000 rooms for fleet growth, 1,000 schedulers.
 * Timings are targets (a miss is reported, the machine decides); checks are correctness (a room
 * allocated twice, a fleet above its surge) and fail the run with exit code 1.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fleetGrowthCase } from './cases/fleet-growth.case';
import { manySchedulersCase } from './cases/many-schedulers.case';
import { DEFAULT_CONNECTIONS, roomsApiCase } from './cases/rooms-api.case';
import { type Row, machine, record, textTable } from './support/report';

const CASES = ['ping', 'fleet', 'schedulers'] as const;
// Ports of the systems the cases start one after the other (kube-sim and the apps): base + 1 to base + 81.
const PORT_BASE = 20500;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', default: CASES.join(',') },
      full: { type: 'boolean', default: false },
      'no-record': { type: 'boolean', default: false },
      'api-rooms': { type: 'string', default: '1000' },
      seconds: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '5' },
      connections: { type: 'string', default: String(DEFAULT_CONNECTIONS) },
      'fleet-rooms': { type: 'string' },
      qps: { type: 'string', default: '200' },
      schedulers: { type: 'string' },
      'rooms-each': { type: 'string', default: '1' },
    },
  });
  const only = new Set(values.only.split(',').map((name) => name.trim()));
  const unknown = [...only].filter((name) => !(CASES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--only: unknown case ${unknown.join(', ')} (cases: ${CASES.join(', ')})`);
  const number = (name: string, raw: string) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name}: a positive integer, got ${raw}`);
    return value;
  };
  const args = process.argv.slice(2).join(' ');
  const host = machine();
  const startedAt = new Date();
  const log = (line: string) => console.error(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  log(`${host.cpus} CPUs (${host.cpuModel}), ${host.memoryGiB} GiB, node ${host.node}, commit ${host.commit}, load ${host.loadAverage}`);

  const rows: Row[] = [];
  if (only.has('ping')) {
    rows.push(
      ...(await roomsApiCase(
        {
          schedulers: 10,
          roomsPerScheduler: number('api-rooms', values['api-rooms']),
          seconds: number('seconds', values.seconds),
          rounds: number('rounds', values.rounds),
          connections: number('connections', values.connections),
        },
        log,
      )),
    );
  }
  if (only.has('fleet')) {
    const rooms = number('fleet-rooms', values['fleet-rooms'] ?? (values.full ? '10000' : '2000'));
    rows.push(...(await fleetGrowthCase({ rooms, qps: number('qps', values.qps), portBase: PORT_BASE }, log)));
  }
  if (only.has('schedulers')) {
    const schedulers = number('schedulers', values.schedulers ?? (values.full ? '1000' : '200'));
    rows.push(...(await manySchedulersCase({ schedulers, roomsEach: number('rooms-each', values['rooms-each']), portBase: PORT_BASE }, log)));
  }

  console.log(textTable(rows));
  const missed = rows.filter((row) => row.kind === 'target' && !row.ok).length;
  const failed = rows.filter((row) => row.kind === 'check' && !row.ok).length;
  console.log(`\ntargets missed: ${missed}; checks failed: ${failed}`);
  if (!values['no-record']) {
    const file = path.join(__dirname, 'results.md');
    record(file, rows, host, args, startedAt, (Date.now() - startedAt.getTime()) / 1000);
    console.log(`recorded in ${path.relative(process.cwd(), file)}`);
  }
  if (failed > 0) process.exitCode = 1;
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
