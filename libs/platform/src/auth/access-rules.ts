import type { Permission } from '@maestro/domain';

/** Where a route finds the game its caller must be allowed in. */
export type GameScope =
  /** No game: the role alone decides (tokens). */
  | { from: 'none' }
  /** The game of the scheduler named by this path parameter. */
  | { from: 'scheduler'; param: string }
  /** This field of the JSON body (creating a scheduler). */
  | { from: 'body'; field: string }
  /** A listing: the handler keeps what the caller's games allow. */
  | { from: 'results' };

/** Who may call a route. */
export type AccessRule =
  /** Anyone, without credential. */
  | { caller: 'anyone' }
  /** A management token whose role grants `permission` in the game of `game`. */
  | { caller: 'token'; permission: Permission; game: GameScope }
  /**
   * The room of the path (its own token: path parameters `scheduler` and `room`), or, with
   * `orToken`, a management token granting that permission in the game of the room's scheduler.
   */
  | { caller: 'room'; scheduler: string; room: string; orToken?: Permission };

/** The access rule of every route of an app, by `<METHOD> <route template>` (`GET /schedulers/:schedulerName`). */
export type AccessRules = Readonly<Record<string, AccessRule>>;

/** The key of a route in {@link AccessRules}. */
export const routeKey = (method: string, url: string): string => `${method.toUpperCase()} ${url}`;
