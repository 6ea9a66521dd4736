import { useState } from 'react';
import { unwrap } from '../api/client';
import { useApp } from '../app-context';
import { can, deniedHint } from '../auth/permissions';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorNotice } from '../components/error-notice';
import { usePolling } from '../hooks/use-polling';

/** Every version, newest first, the active one marked; any other can be made active. */
export function VersionsPanel({ scheduler, game, onDone }: { scheduler: string; game: string; onDone(): void }) {
  const { client, token } = useApp();
  const versions = usePolling(
    async () => unwrap(await client.GET('/schedulers/{schedulerName}/versions', { params: { path: { schedulerName: scheduler } } })),
    5_000,
    [client, scheduler],
  );
  const [switching, setSwitching] = useState<string>();
  const allowed = can(token, 'switchVersion', game);
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <ErrorNotice error={versions.error} />
      <ul className="versions">
        {(versions.data?.versions ?? []).map((v) => (
          <li key={v.version} data-version={v.version}>
            <span className="version">{v.version}</span> <time dateTime={v.createdAt}>{new Date(v.createdAt).toLocaleString()}</time>{' '}
            {v.isActive ? (
              <mark>active</mark>
            ) : (
              <button
                type="button"
                className="outline small"
                disabled={!allowed}
                title={deniedHint(allowed)}
                aria-label={`Switch to ${v.version}`}
                onClick={() => setSwitching(v.version)}
              >
                Switch
              </button>
            )}
          </li>
        ))}
      </ul>
      {switching && (
        <ConfirmDialog
          title={`Switch ${scheduler} to ${switching}`}
          confirmLabel="Switch version"
          onClose={() => setSwitching(undefined)}
          onConfirm={async () => {
            unwrap(await client.PUT('/schedulers/{schedulerName}', { params: { path: { schedulerName: scheduler } }, body: { version: switching } }));
            versions.refresh();
            onDone();
          }}
        >
          <p>Makes {switching} the active version; rooms of another major version are replaced.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
