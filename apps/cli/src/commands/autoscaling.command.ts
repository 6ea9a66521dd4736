import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import type { SimulateRequestJson, SimulationJson } from '../api/wire-types';
import { UsageError } from '../errors';
import { parseOutputFormat, renderData } from '../output/format';
import type { Session } from '../session';
import { type CandidateSource, decisionsTable, parseCandidate, parseTrace, summariesTable } from './autoscaling-views';
import { readStream } from './scheduler-file';

const positive = (value: string): number => {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('a whole number, 1 or more');
  return Number(value);
};

const seconds = (value: string): number => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('whole seconds, 0 or more');
  return Number(value);
};

const collect = (value: string, previous: string[]): string[] => [...previous, value];

interface SimulateFlags {
  since?: string;
  trace?: string;
  candidate: string[];
  startupDelay?: number;
  output: string;
}

/** A file's text (`-` for stdin), or a usage error naming it. */
async function readInput(file: string, session: Session): Promise<string> {
  if (file === '-') return readStream(session.io.stdin);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** The simulate request of the flags, and the name of each candidate it compares. */
async function simulation(session: Session, flags: SimulateFlags): Promise<{ body: SimulateRequestJson; sources: CandidateSource[] }> {
  if (flags.since !== undefined && flags.trace !== undefined) throw new UsageError('give --since or --trace, not both');
  const candidates = await Promise.all(flags.candidate.map(async (file) => parseCandidate(await readInput(file, session), file)));
  const body: SimulateRequestJson = {};
  if (candidates.length > 0) body.candidates = candidates.map((c) => c.autoscaling);
  if (flags.trace !== undefined) body.trace = parseTrace(await readInput(flags.trace, session), flags.trace === '-' ? 'stdin' : flags.trace);
  else if (flags.since !== undefined) body.since = flags.since;
  if (flags.startupDelay !== undefined) body.startupDelaySeconds = flags.startupDelay;
  const sources = candidates.length > 0 ? candidates.map((c) => c.source) : [{ name: 'current', policy: "the scheduler's own" }];
  return { body, sources };
}

export function registerAutoscaling(program: Command, session: Session): void {
  const autoscaling = program
    .command('autoscaling')
    .description("see the health controller's scaling decisions, or try policies on recorded demand")
    .addHelpText(
      'after',
      '\nExamples:\n  maestro autoscaling decisions fixed-fleet\n  maestro autoscaling simulate fixed-fleet --since 6h --candidate a.json --candidate b.json',
    );

  autoscaling
    .command('decisions')
    .description('the most recent decisions, newest first: rooms seen, current -> desired, limits, action and why')
    .argument('<scheduler>', 'the scheduler')
    .option('--limit <n>', 'how many (the API answers 20 by default, 1000 at most)', positive)
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .addHelpText('after', '\nExamples:\n  maestro autoscaling decisions fixed-fleet\n  maestro autoscaling decisions fixed-fleet --limit 100 -o json')
    .action(async (name: string, options: { limit?: number; output: string }) => {
      const format = parseOutputFormat(options.output);
      const decisions = await session.client().decisions(name, options.limit);
      session.io.stdout.write(format === 'table' ? `${decisionsTable(decisions)}\n` : renderData(format, { decisions }));
    });

  autoscaling
    .command('simulate')
    .description("replay demand through the health controller's decision for the scheduler's policy or candidates (changes nothing)")
    .argument('<scheduler>', 'the scheduler')
    .option('--since <period>', 'replay the recorded occupied rooms of this last period, e.g. 30m, 6h (1h by default, 24h at most)')
    .option('--trace <file>', 'or replay this demand: a JSON or YAML list of {at, occupied} (- for stdin)')
    .option('--candidate <file>', 'a policy to compare: an autoscaling block or a scheduler file (repeat for several)', collect, [])
    .option('--startup-delay <seconds>', 'room start-up time (measured from the history by default)', seconds)
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .addHelpText(
      'after',
      '\nExamples:\n  maestro autoscaling simulate fixed-fleet --since 6h\n  maestro autoscaling simulate fixed-fleet --trace peak.json --candidate occupancy.json --candidate buffer.yaml',
    )
    .action(async (name: string, flags: SimulateFlags) => {
      const format = parseOutputFormat(flags.output);
      const { body, sources } = await simulation(session, flags);
      const answer = await session.client().simulate(name, body);
      if (format !== 'table') {
        session.io.stdout.write(renderData(format, answer));
        return;
      }
      const results: SimulationJson[] = answer.candidates ?? (answer.steps && answer.summary ? [{ steps: answer.steps, summary: answer.summary }] : []);
      session.print(summariesTable(sources, results));
    });
}
