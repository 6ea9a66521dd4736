import { type FormEvent, useId, useState } from 'react';

/** The sign-in form: a management API token, kept for this browser tab only. */
export function SignIn({ reason, onSignIn }: { reason?: string; onSignIn(token: string): Promise<void> }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSignIn(token.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="container sign-in">
      <article>
        <form onSubmit={(event) => void submit(event)}>
          <h1>Maestro</h1>
          <p>Sign in with a management API token.</p>
          <label htmlFor={id}>
            Token
            <input id={id} type="password" autoComplete="current-password" required value={token} onChange={(event) => setToken(event.target.value)} />
          </label>
          {reason && (
            <p role="alert" className="error">
              {reason}
            </p>
          )}
          <button type="submit" disabled={busy || token.trim() === ''} aria-busy={busy}>
            Sign in
          </button>
        </form>
      </article>
    </main>
  );
}
