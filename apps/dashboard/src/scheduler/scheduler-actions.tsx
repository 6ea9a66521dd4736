import { useId, useMemo, useState } from 'react';
import { stringify } from 'yaml';
import { unwrap } from '../api/client';
import type { components } from '../api/management-api';
import { useApp } from '../app-context';
import { can, deniedHint } from '../auth/permissions';
import { ConfirmDialog } from '../components/confirm-dialog';
import { isMajorChange, nextVersion, parseSchedulerDocument } from './version-preview';

type Scheduler = components['schemas']['SchedulerResponse'];
type Dialog = 'scale' | 'newVersion' | 'delete' | undefined;

/** The scheduler's actions, each behind its confirmation; those the token may not do are disabled. */
export function SchedulerActions({ scheduler, onDone, onDeleted }: { scheduler: Scheduler; onDone(): void; onDeleted(): void }) {
  const { token } = useApp();
  const [open, setOpen] = useState<Dialog>();
  const close = () => setOpen(undefined);
  const allowed = {
    scale: can(token, 'scale', scheduler.game),
    newVersion: can(token, 'newVersion', scheduler.game),
    delete: can(token, 'deleteScheduler', scheduler.game),
  };
  return (
    <div className="actions" role="group" aria-label="Scheduler actions">
      <button type="button" disabled={!allowed.scale} title={deniedHint(allowed.scale)} onClick={() => setOpen('scale')}>
        Scale
      </button>
      <button type="button" disabled={!allowed.newVersion} title={deniedHint(allowed.newVersion)} onClick={() => setOpen('newVersion')}>
        New version
      </button>
      <button type="button" className="danger" disabled={!allowed.delete} title={deniedHint(allowed.delete)} onClick={() => setOpen('delete')}>
        Delete
      </button>
      {open === 'scale' && <ScaleDialog scheduler={scheduler} onClose={close} onDone={onDone} />}
      {open === 'newVersion' && <NewVersionDialog scheduler={scheduler} onClose={close} onDone={onDone} />}
      {open === 'delete' && <DeleteDialog scheduler={scheduler} onClose={close} onDone={onDeleted} />}
    </div>
  );
}

interface DialogProps {
  scheduler: Scheduler;
  onClose(): void;
  onDone(): void;
}

function ScaleDialog({ scheduler, onClose, onDone }: DialogProps) {
  const { client } = useApp();
  const [replicas, setReplicas] = useState(String(scheduler.roomsReplicas));
  const id = useId();
  const value = Number(replicas);
  const valid = replicas.trim() !== '' && Number.isInteger(value) && value >= 0;
  return (
    <ConfirmDialog
      title={`Scale ${scheduler.name}`}
      confirmLabel="Scale"
      invalid={!valid}
      onClose={onClose}
      onConfirm={async () => {
        unwrap(await client.PATCH('/schedulers/{name}', { params: { path: { name: scheduler.name } }, body: { roomsReplicas: value } }));
        onDone();
      }}
    >
      <label htmlFor={id}>
        Rooms (replicas)
        <input id={id} type="number" min={0} step={1} inputMode="numeric" value={replicas} onChange={(event) => setReplicas(event.target.value)} />
      </label>
      <p>
        Makes a minor version with {valid ? value : '…'} rooms instead of {scheduler.roomsReplicas}
        {scheduler.autoscaling?.enabled ? '; autoscaling is on and decides the number of rooms.' : '.'}
      </p>
    </ConfirmDialog>
  );
}

/** The scheduler as a document to edit: what a new version is made of. */
function editableDocument(scheduler: Scheduler): string {
  const { name: _name, state: _state, createdAt: _createdAt, ...rest } = scheduler;
  return stringify(rest);
}

function NewVersionDialog({ scheduler, onClose, onDone }: DialogProps) {
  const { client } = useApp();
  const [text, setText] = useState(() => editableDocument(scheduler));
  const id = useId();
  const previewId = useId();
  const preview = useMemo(() => {
    try {
      const candidate = parseSchedulerDocument(text);
      const major = isMajorChange(scheduler as unknown as Record<string, unknown>, candidate);
      return {
        candidate,
        text: `${major ? 'Major' : 'Minor'} change: expected ${nextVersion(scheduler.spec.version ?? '', major)}${major ? ', replacing every room' : ''}.`,
      };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [text, scheduler]);
  return (
    <ConfirmDialog
      title={`New version of ${scheduler.name}`}
      confirmLabel="Create version"
      invalid={preview.candidate === undefined}
      onClose={onClose}
      onConfirm={async () => {
        const body = { ...preview.candidate, name: scheduler.name } as components['schemas']['NewSchedulerVersionRequest'];
        unwrap(await client.POST('/schedulers/{name}', { params: { path: { name: scheduler.name } }, body }));
        onDone();
      }}
    >
      <label htmlFor={id}>
        Scheduler (YAML or JSON)
        <textarea id={id} rows={14} spellCheck={false} value={text} aria-describedby={previewId} onChange={(event) => setText(event.target.value)} />
      </label>
      <p id={previewId} aria-live="polite" className={preview.error ? 'error' : 'preview'}>
        {preview.error ?? preview.text}
      </p>
    </ConfirmDialog>
  );
}

function DeleteDialog({ scheduler, onClose, onDone }: DialogProps) {
  const { client } = useApp();
  return (
    <ConfirmDialog
      title={`Delete ${scheduler.name}`}
      confirmLabel="Delete scheduler"
      danger
      typeToConfirm={scheduler.name}
      onClose={onClose}
      onConfirm={async () => {
        unwrap(await client.DELETE('/schedulers/{schedulerName}', { params: { path: { schedulerName: scheduler.name } } }));
        onDone();
      }}
    >
      <p>Deletes every version, room and the namespace of {scheduler.name}. This cannot be undone.</p>
    </ConfirmDialog>
  );
}
