/** The caller's token as `GET /tokens/current` describes it (the authentication interface). */
export interface CurrentToken {
  id: string;
  name: string;
  role: Role;
  /** Games the token may act on; `*` stands for every game. */
  games: string[];
  createdAt: string;
}

export const ROLES = ['admin', 'operator', 'viewer', 'matchmaker'] as const;
export type Role = (typeof ROLES)[number];

/** Where the signed-in token lives: the browser tab's session, gone when the tab closes. */
const TOKEN_KEY = 'maestro.dashboard.token';

export const storedToken = (): string | undefined => sessionStorage.getItem(TOKEN_KEY) ?? undefined;
export const storeToken = (token: string): void => sessionStorage.setItem(TOKEN_KEY, token);
export const forgetToken = (): void => sessionStorage.removeItem(TOKEN_KEY);

/** With authentication off (or on a management API without it) everything is allowed. */
export const ANONYMOUS: CurrentToken = { id: 'anonymous', name: 'anonymous', role: 'admin', games: ['*'], createdAt: '' };

/** Who the dashboard acts as: `signed-in` with a token (or none needed), `signed-out` when one is needed. */
export type Session = { state: 'signed-in'; token: CurrentToken; secret?: string; authOff: boolean } | { state: 'signed-out'; reason?: string };

/**
 * Asks the management API who `secret` is. Without a secret, the page's configuration first says
 * whether the API wants one (then the sign-in form shows, with no refused call in the console). A
 * 404 means an API without authentication (every action allowed); a 401 means the token is missing
 * or unknown.
 */
export async function resolveSession(secret: string | undefined, fetcher: typeof fetch = fetch): Promise<Session> {
  if (!secret) {
    const config = await fetcher('/ui/config.json');
    if (config.ok && ((await config.json()) as { authentication?: boolean }).authentication === true) return { state: 'signed-out' };
  }
  const response = await fetcher('/tokens/current', { headers: secret ? { authorization: `Bearer ${secret}` } : {} });
  if (response.status === 404) return { state: 'signed-in', token: ANONYMOUS, authOff: true };
  if (response.status === 401) return { state: 'signed-out', reason: secret ? 'This token is not valid.' : undefined };
  if (!response.ok) throw new Error(`GET /tokens/current answered ${response.status}`);
  const body = (await response.json()) as { token: CurrentToken };
  return { state: 'signed-in', token: body.token, secret, authOff: !secret };
}
