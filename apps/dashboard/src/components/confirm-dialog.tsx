import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

export interface ConfirmDialogProps {
  title: string;
  /** The confirming button's label (what will happen: "Scale", "Delete"). */
  confirmLabel: string;
  /** Typed-name confirmation: the button stays disabled until this text is typed. */
  typeToConfirm?: string;
  danger?: boolean;
  children?: ReactNode;
  /** Disables the confirming button (e.g. while the form is incomplete). */
  invalid?: boolean;
  onConfirm(): Promise<void>;
  onClose(): void;
}

/**
 * A modal confirmation: focus moves into it, Escape cancels, and the action's error (if any) is
 * shown inside it; it closes once the action succeeds.
 */
export function ConfirmDialog({ title, confirmLabel, typeToConfirm, danger, children, invalid, onConfirm, onClose }: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const titleId = useId();
  const typedId = useId();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const first = dialog.current?.querySelector<HTMLElement>('input, textarea, select, button:not([disabled])');
    first?.focus();
  }, []);

  const blocked = busy || invalid === true || (typeToConfirm !== undefined && typed !== typeToConfirm);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked) return;
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  return (
    <dialog open ref={dialog} aria-modal="true" aria-labelledby={titleId} onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <article>
        <form onSubmit={(event) => void submit(event)}>
          <header>
            <h2 id={titleId}>{title}</h2>
          </header>
          {children}
          {typeToConfirm !== undefined && (
            <label htmlFor={typedId}>
              Type <strong>{typeToConfirm}</strong> to confirm
              <input id={typedId} value={typed} autoComplete="off" onChange={(event) => setTyped(event.target.value)} />
            </label>
          )}
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <footer>
            <button type="button" className="secondary" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className={danger ? 'danger' : undefined} disabled={blocked} aria-busy={busy}>
              {confirmLabel}
            </button>
          </footer>
        </form>
      </article>
    </dialog>
  );
}
