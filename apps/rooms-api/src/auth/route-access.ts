import type { AccessRule, AccessRules } from '@maestro/platform';

const ROOM: AccessRule = { caller: 'room', scheduler: 'schedulerName', room: 'roomName' };

/**
 * Who may call each rooms route: the room of the path with its own token (MAESTRO_ROOM_TOKEN), and
 * for address and allocate a management token allowed to in the scheduler's game.
 */
export const ROOMS_ROUTE_ACCESS: AccessRules = {
  'PUT /scheduler/:schedulerName/rooms/:roomName/ping': ROOM,
  'PUT /scheduler/:schedulerName/rooms/:roomName/status': ROOM,
  'POST /scheduler/:schedulerName/rooms/:roomName/roomevent': ROOM,
  'POST /scheduler/:schedulerName/rooms/:roomName/playerevent': ROOM,
  'GET /scheduler/:schedulerName/rooms/:roomName/address': { ...ROOM, orToken: 'address' },
  'POST /scheduler/:schedulerName/rooms/allocate': { caller: 'token', permission: 'allocate', game: { from: 'scheduler', param: 'schedulerName' } },
};
