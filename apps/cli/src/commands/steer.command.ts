import { createInterface } from 'node:readline/promises';
import { type Command, InvalidArgumentError } from 'commander';
import { CliError, UsageError } from '../errors';
import { domain } from '../lazy';
import { parseDuration } from '../duration';
import { progressView } from '../output/progress-view';
import { toDomainScheduler } from '../preview/scheduler-json';
import { followNewVersion, followOperation, followRooms } from '../rollout/follow-rollout';
import type { Session } from '../session';

interface WaitFlags {
  wait?: boolean;
  timeout: string;
}

const replicas = (value: string): number => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('a whole number of rooms, 0 or more');
  return Number(value);
};

/** The version before `active` in the versions listing (newest first), the rollback's default. */
export function previousVersion(versions: { version: string; isActive: boolean }[]): string | undefined {
  const index = versions.findIndex((v) => v.isActive);
  return index >= 0 ? versions[index + 1]?.version : undefined;
}

/** Asks on the terminal; elsewhere `--yes` is required. */
async function confirm(session: Session, question: string, yes: boolean | undefined): Promise<boolean> {
  if (yes) return true;
  const { stdin } = session.io;
  if (!stdin.isTTY) throw new UsageError('refusing to delete without confirmation: not a terminal, add --yes');
  const rl = createInterface({ input: stdin, output: session.io.stdout as NodeJS.WritableStream });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

export function registerSteering(program: Command, session: Session): void {
  const withWait = (command: Command) =>
    command.option('--wait', 'follow the operation until it ends (and the rooms are in sync)').option('--timeout <duration>', 'how long --wait waits', '10m');

  withWait(
    program
      .command('scale')
      .description('set the number of rooms of a scheduler without autoscaling (a minor version)')
      .argument('<name>', 'the scheduler')
      .requiredOption('--replicas <n>', 'rooms wanted', replicas)
      .addHelpText('after', '\nExample:\n  maestro scale fixed-fleet --replicas 5 --wait'),
  ).action(async (name: string, options: WaitFlags & { replicas: number }) => {
    const api = session.client();
    const current = await api.getScheduler(name);
    if (current.autoscaling?.enabled) session.io.stderr.write(`warning: ${name} has autoscaling enabled: it decides the number of rooms, not roomsReplicas\n`);
    const id = await api.patchScheduler(name, { roomsReplicas: options.replicas });
    session.print(`scheduler ${name}: roomsReplicas ${current.roomsReplicas} -> ${options.replicas} (operation ${id})`);
    if (!options.wait) return;
    const version = await followNewVersion(
      api,
      name,
      id,
      false,
      session.waitOptions(parseDuration(options.timeout)),
      progressView(session.out, session.colors),
    );
    session.print(`scheduler ${name} in sync on ${version}`);
  });

  withWait(
    program
      .command('rollback')
      .description('make another version active: the previous one by default')
      .argument('<name>', 'the scheduler')
      .option('--to <version>', 'the version to make active')
      .addHelpText('after', '\nExamples:\n  maestro rollback fixed-fleet --wait\n  maestro rollback fixed-fleet --to v1.0.0'),
  ).action(async (name: string, options: WaitFlags & { to?: string }) => {
    const api = session.client();
    const versions = await api.versions(name);
    const active = versions.find((v) => v.isActive)?.version;
    const target = options.to ?? previousVersion(versions);
    if (!target) throw new CliError(`scheduler ${name} has no version before ${active ?? 'its active one'}`);
    if (!versions.some((v) => v.version === target)) throw new CliError(`scheduler ${name} has no version ${target}`);
    if (target === active) throw new CliError(`${target} is already the active version of ${name}`);
    const [current, wanted] = await Promise.all([api.getScheduler(name), api.getScheduler(name, target)]);
    const major = domain().isMajorChange(toDomainScheduler(current), toDomainScheduler(wanted));
    const id = await api.switchVersion(name, target);
    session.print(`scheduler ${name}: ${active} -> ${target}, ${major ? 'major: the rooms are replaced' : 'minor: the rooms are kept'} (operation ${id})`);
    if (!options.wait) return;
    const wait = session.waitOptions(parseDuration(options.timeout));
    await followOperation(api, name, id, wait, progressView(session.out, session.colors));
    await followRooms(api, name, major, wait, progressView(session.out, session.colors));
    session.print(`scheduler ${name} in sync on ${target}`);
  });

  program
    .command('cancel')
    .description('cancel a pending or running operation')
    .argument('<name>', 'the scheduler')
    .argument('<operation-id>', 'the operation')
    .addHelpText('after', '\nExample:\n  maestro cancel fixed-fleet 0b7e1cd2-6d0e-4b8f-9d3a-2f3c1f1f6a0e')
    .action(async (name: string, id: string) => {
      await session.client().cancel(name, id);
      session.print(`cancel of operation ${id} requested`);
    });

  withWait(
    program
      .command('delete')
      .description('delete a scheduler, its namespace and its rooms (asks on a terminal; --yes elsewhere)')
      .argument('<name>', 'the scheduler')
      .option('-y, --yes', 'do not ask for confirmation')
      .addHelpText('after', '\nExample:\n  maestro delete fixed-fleet --yes --wait'),
  ).action(async (name: string, options: WaitFlags & { yes?: boolean }) => {
    if (!(await confirm(session, `delete scheduler ${name} and all its rooms?`, options.yes))) {
      session.print('not deleted');
      return;
    }
    const api = session.client();
    const id = await api.deleteScheduler(name);
    session.print(`scheduler ${name}: delete_scheduler ${id} enqueued`);
    if (!options.wait) return;
    await followOperation(api, name, id, session.waitOptions(parseDuration(options.timeout)), progressView(session.out, session.colors));
    session.print(`scheduler ${name} deleted`);
  });

  program
    .command('allocate')
    .description('take one ready room of a scheduler, as a matchmaker does (rooms API)')
    .argument('<name>', 'the scheduler')
    .option('-o, --output <format>', 'name or json', 'name')
    .addHelpText('after', '\nExample:\n  maestro allocate fixed-fleet')
    .action(async (name: string, options: { output: string }) => {
      const room = await session.client().allocate(name);
      session.print(options.output === 'json' ? JSON.stringify(room, null, 2) : room.roomId);
    });
}
