/**
 * Management API tokens: who may call what. A token has a role (what it may do) and a list of
 * games (where); `["*"]` is every game.
 */

export const ROLES = ['admin', 'operator', 'viewer', 'matchmaker'] as const;
export type Role = (typeof ROLES)[number];

/** The games list of a token allowed in every game. */
export const ALL_GAMES = '*';

/**
 * What a call needs: `read` schedulers and operations, `change` them, `allocate` a room, read a
 * room's `address`, `admin` the tokens, or only `authenticated` (any valid token).
 */
export const PERMISSIONS = ['read', 'change', 'allocate', 'address', 'admin', 'authenticated'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do (`authenticated` is every role's). */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  operator: ['read', 'change', 'allocate', 'address', 'authenticated'],
  viewer: ['read', 'authenticated'],
  matchmaker: ['allocate', 'address', 'authenticated'],
};

/** A management token as the API shows it (never its secret). */
export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  games: readonly string[];
  createdAt: Date;
}

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Whether the token's games include `game` (`*` includes every game). */
export function allowsGame(token: Pick<ApiToken, 'games'>, game: string): boolean {
  return token.games.includes(ALL_GAMES) || token.games.includes(game);
}

/** Whether the token's games are every game. */
export const allowsEveryGame = (token: Pick<ApiToken, 'games'>): boolean => token.games.includes(ALL_GAMES);

/** Whether the token's role grants `permission` (games aside). */
export function grants(token: Pick<ApiToken, 'role'>, permission: Permission): boolean {
  return ROLE_PERMISSIONS[token.role].includes(permission);
}

/** Whether the token may do `permission` in `game` (in any of its games when `game` is undefined). */
export function authorizes(token: Pick<ApiToken, 'role' | 'games'>, permission: Permission, game?: string): boolean {
  return grants(token, permission) && (game === undefined || allowsGame(token, game));
}

/** The name and id of the token given by MAESTRO_API_AUTH_BOOTSTRAPTOKEN (an admin of every game). */
export const BOOTSTRAP_TOKEN_NAME = 'bootstrap';

/** The caller when authentication is off: an admin of every game, without a name in operations. */
export const ANONYMOUS_TOKEN: ApiToken = Object.freeze({
  id: 'anonymous',
  name: 'anonymous',
  role: 'admin',
  games: Object.freeze([ALL_GAMES]),
  createdAt: new Date(0),
});
