import type { MaestroApi } from '../api/maestro-api';
import type { OperationJson } from '../api/wire-types';
import { CliError } from '../errors';
import type { RolloutView } from '../output/progress-view';
import { enqueuedSwitch, waitOperation, type WaitOptions } from './operation-wait';
import { roomProgress, targetRooms } from './room-progress';

const statusLine = (op: OperationJson) => `operation ${op.definitionName} ${op.id}: ${op.status}`;

/** Follows one operation to its end, a line per status. */
export function followOperation(api: MaestroApi, scheduler: string, id: string, options: WaitOptions, view: RolloutView): Promise<OperationJson> {
  return waitOperation(api, scheduler, id, options, (op) => view.line(statusLine(op)));
}

/**
 * Follows a new version to the end: its create_new_scheduler_version, the switch it enqueues, then
 * the rooms (replaced when `major`) until the scheduler is in sync.
 */
export async function followNewVersion(
  api: MaestroApi,
  scheduler: string,
  id: string,
  major: boolean,
  options: WaitOptions,
  view: RolloutView,
): Promise<string> {
  const created = await followOperation(api, scheduler, id, options, view);
  const switchId = enqueuedSwitch(created);
  if (switchId) await followOperation(api, scheduler, switchId, options, view);
  return followRooms(api, scheduler, major, options, view);
}

/**
 * Polls the rooms until enough are up on the active version (and, when `major`, no other remains);
 * resolves to that version.
 */
export async function followRooms(api: MaestroApi, scheduler: string, major: boolean, options: WaitOptions, view: RolloutView): Promise<string> {
  try {
    for (;;) {
      const active = await api.getScheduler(scheduler);
      const version = active.spec?.version ?? '';
      const progress = roomProgress(await api.rooms(scheduler), version, targetRooms(active), major);
      view.progress(progress, version);
      if (progress.done) return version;
      if (options.now() > options.deadline) {
        view.stop();
        throw new CliError(`timed out waiting for the rooms of ${scheduler}: ${progress.ready}/${progress.target} ready on ${version}`);
      }
      await options.sleep(options.pollMs);
    }
  } finally {
    view.stop();
  }
}
