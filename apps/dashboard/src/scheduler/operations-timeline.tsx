import { useEffect, useRef, useState } from 'react';
import { type ManagementClient, unwrap } from '../api/client';
import type { components } from '../api/management-api';
import { useApp } from '../app-context';
import { can, deniedHint } from '../auth/permissions';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorNotice } from '../components/error-notice';
import { usePolling } from '../hooks/use-polling';

type Item = components['schemas']['ListOperationItemResponse'];
type Stage = 'pending' | 'active' | 'final';
export interface TimelineItem extends Item {
  stage: Stage;
}

/**
 * Pending, active and the last 20 final operations, newest first. An operation that moved on
 * between the three reads is listed once, in its later stage.
 */
export async function loadTimeline(client: ManagementClient, scheduler: string): Promise<TimelineItem[]> {
  const stage = async (s: Stage) => {
    const query = s === 'final' ? { stage: s, page: 1, perPage: 20 } : { stage: s };
    const page = unwrap(await client.GET('/schedulers/{schedulerName}/operations', { params: { path: { schedulerName: scheduler }, query } }));
    return page.operations.map((op) => ({ ...op, stage: s }));
  };
  const byId = new Map<string, TimelineItem>();
  for (const op of (await Promise.all([stage('pending'), stage('active'), stage('final')])).flat()) byId.set(op.id, op);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * The operations timeline; each operation opens on its execution history (where errors are told).
 * `focus` (an operation a link named) is opened and scrolled to once the timeline has loaded, or
 * shown on its own above it when it is older than the timeline's last 20.
 */
export function OperationsTimeline({ scheduler, game, focus }: { scheduler: string; game: string; focus?: string }) {
  const { client, token } = useApp();
  const timeline = usePolling(() => loadTimeline(client, scheduler), 2_000, [client, scheduler]);
  const [cancelling, setCancelling] = useState<TimelineItem>();
  const allowed = can(token, 'cancelOperation', game);
  const list = useRef<HTMLOListElement>(null);
  const focused = useRef<string | undefined>(undefined);
  const loaded = timeline.data !== undefined;
  const listed = timeline.data?.some((op) => op.id === focus) ?? false;

  useEffect(() => {
    if (!focus || !loaded || focused.current === focus) return;
    focused.current = focus;
    const entry = [...(list.current?.children ?? [])].find((li) => li.getAttribute('data-operation') === focus);
    const details = entry?.querySelector('details');
    if (!entry || !details) return;
    details.open = true;
    entry.scrollIntoView?.({ block: 'center' });
    details.querySelector('summary')?.focus();
  }, [focus, loaded]);

  return (
    <section aria-labelledby="operations-title">
      <h2 id="operations-title">Operations</h2>
      <ErrorNotice error={timeline.error} />
      {focus && loaded && !listed && (
        <details open className="focused-operation" data-operation={focus}>
          <summary>
            Operation <code>{focus}</code>
          </summary>
          <OperationHistory scheduler={scheduler} id={focus} />
        </details>
      )}
      <ol className="timeline" ref={list}>
        {(timeline.data ?? []).map((op) => (
          <li key={op.id} data-operation={op.id} data-status={op.status}>
            <details>
              <summary>
                <span className={`status op-${op.status}`}>{op.status}</span> <strong>{op.definitionName}</strong>{' '}
                <time dateTime={op.createdAt}>{new Date(op.createdAt).toLocaleTimeString()}</time>
              </summary>
              <OperationHistory scheduler={scheduler} id={op.id} />
            </details>
            {op.stage !== 'final' && (
              <button
                type="button"
                className="outline small"
                disabled={!allowed}
                title={deniedHint(allowed)}
                aria-label={`Cancel ${op.definitionName} ${op.id}`}
                onClick={() => setCancelling(op)}
              >
                Cancel
              </button>
            )}
          </li>
        ))}
      </ol>
      {timeline.data?.length === 0 && <p>No operation yet.</p>}
      {cancelling && (
        <ConfirmDialog
          title={`Cancel ${cancelling.definitionName}`}
          confirmLabel="Cancel operation"
          danger
          onClose={() => setCancelling(undefined)}
          onConfirm={async () => {
            const path = { schedulerName: scheduler, operationId: cancelling.id };
            unwrap(await client.POST('/schedulers/{schedulerName}/operations/{operationId}/cancel', { params: { path } }));
            timeline.refresh();
          }}
        >
          <p>
            A pending operation is cancelled at once; a running one is asked to stop and rolls back. Operation <code>{cancelling.id}</code>.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** One operation's execution history, read when its entry is opened. */
function OperationHistory({ scheduler, id }: { scheduler: string; id: string }) {
  const { client } = useApp();
  const operation = usePolling(
    async () =>
      unwrap(await client.GET('/schedulers/{schedulerName}/operations/{operationId}', { params: { path: { schedulerName: scheduler, operationId: id } } })),
    5_000,
    [client, scheduler, id],
  );
  return (
    <>
      <ErrorNotice error={operation.error} />
      <ul className="history">
        {(operation.data?.operation.executionHistory ?? []).map((event, index) => (
          <li key={index}>
            <time dateTime={event.createdAt}>{new Date(event.createdAt).toLocaleTimeString()}</time> {event.event}
          </li>
        ))}
      </ul>
    </>
  );
}
