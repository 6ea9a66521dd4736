import type { Command } from 'commander';
import { UsageError } from '../errors';
import { parseOutputFormat, renderData, type OutputFormat } from '../output/format';
import type { Session } from '../session';
import { operationsListing, parseStages, roomsListing, schedulersListing, versionsListing, type Listing } from './listings';

const KINDS = ['schedulers', 'rooms', 'operations', 'versions'] as const;
type Kind = (typeof KINDS)[number];
/** Singular and short names, as kubectl accepts them. */
const ALIASES: Record<string, Kind> = { scheduler: 'schedulers', room: 'rooms', operation: 'operations', ops: 'operations', version: 'versions' };

interface GetOptions {
  output: string;
  stage?: string;
  watch?: boolean;
}

/** Every 2 s for --watch. */
const WATCH_INTERVAL_MS = 2000;

function kindOf(value: string): Kind {
  const kind = (KINDS as readonly string[]).includes(value) ? (value as Kind) : ALIASES[value];
  if (!kind) throw new UsageError(`unknown resource ${value} (use ${KINDS.join(', ')})`);
  return kind;
}

function listingOf(session: Session, kind: Kind, name: string | undefined, options: GetOptions): () => Promise<Listing> {
  const api = session.client();
  const now = () => session.io.now();
  if (kind === 'schedulers') return () => schedulersListing(api, now());
  if (!name) throw new UsageError(`get ${kind} needs the scheduler's name: maestro get ${kind} NAME`);
  switch (kind) {
    case 'rooms':
      return () => roomsListing(api, name, now());
    case 'operations': {
      const stages = parseStages(options.stage);
      return () => operationsListing(api, name, stages, now());
    }
    case 'versions':
      return () => versionsListing(api, name, now());
  }
}

function render(format: OutputFormat, listing: Listing): string {
  return format === 'table' ? `${listing.table}\n` : renderData(format, listing.data);
}

export function registerGet(program: Command, session: Session): void {
  program
    .command('get')
    .description('list schedulers, or the rooms, operations or versions of one scheduler')
    .argument('<resource>', KINDS.join(' | '))
    .argument('[name]', 'the scheduler (all but schedulers)')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .option('--stage <stage>', 'operations only: pending, active, final or all', 'all')
    .option('-w, --watch', 'print again whenever it changes (Ctrl-C stops)')
    .addHelpText(
      'after',
      '\nExamples:\n  maestro get schedulers\n  maestro get rooms fixed-fleet -w\n  maestro get operations fixed-fleet --stage final -o json\n  maestro get versions fixed-fleet -o yaml',
    )
    .action(async (resource: string, name: string | undefined, options: GetOptions) => {
      const format = parseOutputFormat(options.output);
      const listing = listingOf(session, kindOf(resource), name, options);
      if (!options.watch) {
        session.io.stdout.write(render(format, await listing()));
        return;
      }
      await watch(session, listing, format);
    });
}

/** Rooms ping every few seconds: a new ping alone is no change worth printing. */
const withoutPings = (key: string, value: unknown) => (key === 'lastPingAt' ? undefined : value);

/**
 * Prints the listing, then again each time its data changes (ages and pings alone do not count): on a
 * terminal over the previous screen, elsewhere after it (a pipe gets every state). Runs until the
 * process is stopped.
 */
async function watch(session: Session, listing: () => Promise<Listing>, format: OutputFormat): Promise<never> {
  const out = session.io.stdout;
  let last: string | undefined;
  for (;;) {
    const next = await listing();
    const data = JSON.stringify(next.data, withoutPings);
    if (data !== last) {
      const text = render(format, next);
      out.write(out.isTTY ? `\x1b[H\x1b[2J${text}` : last === undefined ? text : `\n${text}`);
      last = data;
    }
    await session.io.sleep(WATCH_INTERVAL_MS);
  }
}
