import type { AccessRules, GameScope } from '@maestro/platform';

const OF_SCHEDULER: GameScope = { from: 'scheduler', param: 'schedulerName' };
const OF_NAME: GameScope = { from: 'scheduler', param: 'name' };
const NONE: GameScope = { from: 'none' };

/**
 * Who may call each management route: the permission its token's role needs and where the game its
 * games must include comes from. Every route is here (a test fails for a route that is not).
 * Roles: admin everything; operator read and change; viewer read; matchmaker neither.
 */
export const MANAGEMENT_ROUTE_ACCESS: AccessRules = {
  'GET /schedulers': { caller: 'token', permission: 'read', game: { from: 'results' } },
  'GET /schedulers/info': { caller: 'token', permission: 'read', game: { from: 'results' } },
  'GET /schedulers/:schedulerName': { caller: 'token', permission: 'read', game: OF_SCHEDULER },
  'POST /schedulers': { caller: 'token', permission: 'change', game: { from: 'body', field: 'game' } },
  'POST /schedulers/:name': { caller: 'token', permission: 'change', game: OF_NAME },
  'PATCH /schedulers/:name': { caller: 'token', permission: 'change', game: OF_NAME },
  'PUT /schedulers/:schedulerName': { caller: 'token', permission: 'change', game: OF_SCHEDULER },
  'GET /schedulers/:schedulerName/versions': { caller: 'token', permission: 'read', game: OF_SCHEDULER },
  'DELETE /schedulers/:schedulerName': { caller: 'token', permission: 'change', game: OF_SCHEDULER },
  'POST /schedulers/:name/add-rooms': { caller: 'token', permission: 'change', game: OF_NAME },
  'POST /schedulers/:name/remove-rooms': { caller: 'token', permission: 'change', game: OF_NAME },
  'GET /schedulers/:schedulerName/rooms': { caller: 'token', permission: 'read', game: OF_SCHEDULER },
  'GET /schedulers/:schedulerName/rooms/history': { caller: 'token', permission: 'read', game: OF_SCHEDULER },
  'GET /schedulers/:schedulerName/autoscaling/decisions': { caller: 'token', permission: 'read', game: OF_SCHEDULER },
  // A simulation changes nothing: whoever may read the scheduler may try policies on it.
  'POST /schedulers/:schedulerName/autoscaling/simulate': { caller: 'token', permission: 'read', game: OF_SCHEDULER },
  'GET /schedulers/:schedulerName/operations': { caller: 'token', permission: 'read', game: OF_SCHEDULER },
  'GET /schedulers/:schedulerName/operations/:operationId': { caller: 'token', permission: 'read', game: OF_SCHEDULER },
  'POST /schedulers/:schedulerName/operations/:operationId/cancel': { caller: 'token', permission: 'change', game: OF_SCHEDULER },
  'POST /tokens': { caller: 'token', permission: 'admin', game: NONE },
  'GET /tokens': { caller: 'token', permission: 'admin', game: NONE },
  'DELETE /tokens/:id': { caller: 'token', permission: 'admin', game: NONE },
  'GET /tokens/current': { caller: 'token', permission: 'authenticated', game: NONE },
};
