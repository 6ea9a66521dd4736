import type { CurrentToken, Role } from '../api/session';

/** What the dashboard can ask the management API to do. */
export const ACTIONS = ['scale', 'newVersion', 'switchVersion', 'cancelOperation', 'deleteScheduler', 'simulate'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The actions of each role, as the management API authorises them (its route-access.ts): viewers
 * read, and may simulate a policy since a simulation changes nothing; operators also change
 * schedulers; admins may also delete them; matchmakers only allocate rooms, which the dashboard does
 * not. The API decides: a 403 it answers is shown as any error.
 */
const ALLOWED: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  operator: ['scale', 'newVersion', 'switchVersion', 'cancelOperation', 'simulate'],
  viewer: ['simulate'],
  matchmaker: [],
};

/** Whether the token may do `action` on a scheduler of `game`. */
export function can(token: CurrentToken, action: Action, game: string): boolean {
  return ALLOWED[token.role].includes(action) && (token.games.includes('*') || token.games.includes(game));
}

/** The tooltip of a button disabled because the token may not use it. */
export const deniedHint = (allowed: boolean): string | undefined => (allowed ? undefined : 'Your token does not allow this');
