import { useCallback, useEffect, useMemo, useState } from 'react';
import { createManagementClient } from './api/client';
import { forgetToken, resolveSession, type Session, storedToken, storeToken } from './api/session';
import { AppContext, type AppContextValue } from './app-context';
import { SignIn } from './auth/sign-in';
import { FleetOverview } from './overview/fleet-overview';
import { useRoute } from './hooks/use-route';
import { SchedulerPage } from './scheduler/scheduler-page';

/** The dashboard: the sign-in form until a session is known, then the page of the URL's hash. */
/** The browser's fetch, called late so that it is looked up when used. */
const browserFetch: typeof fetch = (input, init) => fetch(input, init);

export function App({ fetcher = browserFetch }: { fetcher?: typeof fetch }) {
  const [session, setSession] = useState<Session>();
  const [failure, setFailure] = useState<string>();

  const resolve = useCallback(
    async (secret: string | undefined) => {
      try {
        const next = await resolveSession(secret, fetcher);
        if (next.state === 'signed-in' && secret) storeToken(secret);
        if (next.state === 'signed-out') forgetToken();
        setSession(next);
        setFailure(undefined);
      } catch (error) {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    },
    [fetcher],
  );

  useEffect(() => {
    void resolve(storedToken());
  }, [resolve]);

  const signOut = useCallback((reason?: string) => {
    forgetToken();
    setSession({ state: 'signed-out', reason });
  }, []);

  if (failure) return <main className="container">The management API cannot be reached: {failure}</main>;
  if (!session) return <main className="container" aria-busy="true" />;
  if (session.state === 'signed-out') return <SignIn reason={session.reason} onSignIn={resolve} />;
  return <SignedIn session={session} fetcher={fetcher} onSignOut={signOut} />;
}

interface SignedInProps {
  session: Extract<Session, { state: 'signed-in' }>;
  fetcher: typeof fetch;
  onSignOut(reason?: string): void;
}

function SignedIn({ session, fetcher, onSignOut }: SignedInProps) {
  const route = useRoute();
  const value = useMemo<AppContextValue>(() => {
    const client = createManagementClient(session.secret, fetcher);
    client.use({
      onResponse({ response }) {
        if (response.status === 401) onSignOut('The session ended: sign in again.');
        return response;
      },
    });
    return { client, token: session.token, signOut: onSignOut };
  }, [session, fetcher, onSignOut]);
  return (
    <AppContext.Provider value={value}>
      <header className="container topbar">
        <nav aria-label="Main">
          <ul>
            <li>
              <a href="#/" className="brand">
                Maestro
              </a>
            </li>
          </ul>
          <ul>
            <li>
              <span className="who">{session.authOff ? 'authentication off' : `${session.token.name} (${session.token.role})`}</span>
            </li>
            {!session.authOff && (
              <li>
                <button type="button" className="secondary small" onClick={() => onSignOut()}>
                  Sign out
                </button>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main className="container">
        {route.page === 'scheduler' ? <SchedulerPage key={route.name} name={route.name} operation={route.operation} /> : <FleetOverview />}
      </main>
    </AppContext.Provider>
  );
}
