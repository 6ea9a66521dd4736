import type { Command } from 'commander';
import type { MaestroApi } from '../api/maestro-api';
import type { SchedulerJson } from '../api/wire-types';
import { parseDuration } from '../duration';
import { isNotFound } from '../errors';
import { progressView } from '../output/progress-view';
import { previewChange, renderPreview, type Preview } from '../preview/change-preview';
import { followNewVersion, followOperation, followRooms } from '../rollout/follow-rollout';
import type { Session } from '../session';
import { loadSchedulerFile } from './scheduler-file';

/** The current scheduler (undefined when it does not exist) and the preview of applying `desired`. */
async function preview(api: MaestroApi, desired: SchedulerJson): Promise<Preview> {
  const name = desired.name ?? '';
  let current: SchedulerJson | undefined;
  try {
    current = await api.getScheduler(name);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const versions = current ? (await api.versions(name)).map((v) => v.version) : [];
  return previewChange(desired, current, versions);
}

/** The create_scheduler operation of a scheduler just created (the create route answers no id). */
async function createOperationId(api: MaestroApi, name: string): Promise<string | undefined> {
  for (const stage of ['pending', 'active', 'final'] as const) {
    const found = (await api.operations(name, stage)).find((op) => op.definitionName === 'create_scheduler');
    if (found) return found.id;
  }
  return undefined;
}

export function registerApply(program: Command, session: Session): void {
  program
    .command('apply')
    .description('create the scheduler of a file, or give it a new version; shows the change first (major: rooms replaced, minor: rooms kept)')
    .requiredOption('-f, --file <file>', 'scheduler file, YAML or JSON ("-" reads stdin)')
    .option('--wait', 'follow the operations and the rooms until the scheduler is in sync')
    .option('--timeout <duration>', 'how long --wait waits', '10m')
    .addHelpText('after', '\nExamples:\n  maestro apply -f examples/fixed-fleet.json --wait\n  cat fleet.yaml | maestro apply -f -')
    .action(async (options: { file: string; wait?: boolean; timeout: string }) => {
      const timeoutMs = parseDuration(options.timeout);
      const desired = await loadSchedulerFile(options.file, session.io.stdin);
      const api = session.client();
      const change = await preview(api, desired);
      session.print(renderPreview(change, session.colors));
      const name = change.name;
      const view = () => progressView(session.out, session.colors);
      switch (change.kind) {
        case 'unchanged':
          return;
        case 'create': {
          await api.createScheduler(desired);
          session.print(`scheduler ${name} created`);
          if (!options.wait) return;
          const wait = session.waitOptions(timeoutMs);
          const id = await createOperationId(api, name);
          if (id) await followOperation(api, name, id, wait, view());
          const version = await followRooms(api, name, true, wait, view());
          session.print(`scheduler ${name} in sync on ${version}`);
          return;
        }
        case 'update': {
          const id = await api.newVersion(name, desired);
          session.print(`operation create_new_scheduler_version ${id} enqueued`);
          if (!options.wait) return;
          const version = await followNewVersion(api, name, id, change.major, session.waitOptions(timeoutMs), view());
          session.print(`scheduler ${name} in sync on ${version}`);
          return;
        }
      }
    });

  program
    .command('diff')
    .description('show what apply would change, changing nothing')
    .requiredOption('-f, --file <file>', 'scheduler file, YAML or JSON ("-" reads stdin)')
    .addHelpText('after', '\nExample:\n  maestro diff -f examples/fixed-fleet.json')
    .action(async (options: { file: string }) => {
      const desired = await loadSchedulerFile(options.file, session.io.stdin);
      session.print(renderPreview(await preview(session.client(), desired), session.colors));
    });
}
