import { isUnreliable, playerEventAttributes, resyncAttributes, roomEventAttributes, statusAttributes, terminatedAttributes } from './event-attributes';

describe('event attributes', () => {
  it("puts Maestro's keys over the room's metadata", () => {
    const metadata = { eventType: 'x', pingType: 'x', roomEvent: 'x', keep: 1 };
    expect(resyncAttributes(metadata, 'ready')).toEqual({ keep: 1, eventType: 'resync', pingType: 'ready', roomEvent: 'x' });
    expect(statusAttributes(metadata, 'Occupied')).toEqual({ keep: 1, eventType: 'status', pingType: 'Occupied', roomEvent: 'x' });
    expect(roomEventAttributes(metadata, 'matchStarted')).toEqual({ keep: 1, eventType: 'roomEvent', pingType: 'x', roomEvent: 'matchStarted' });
    expect(playerEventAttributes({ playerId: 'p', eventType: 'x' }, 'playerJoin')).toEqual({ playerId: 'p', eventType: 'playerJoin' });
  });

  it('accepts absent metadata', () => {
    expect(resyncAttributes(null, 'ready')).toEqual({ eventType: 'resync', pingType: 'ready' });
    expect(roomEventAttributes(undefined, 'e')).toEqual({ eventType: 'roomEvent', roomEvent: 'e' });
  });

  it('marks terminations with status, terminated, terminated over the stored metadata', () => {
    expect(terminatedAttributes()).toEqual({ eventType: 'status', pingType: 'terminated', roomEvent: 'terminated' });
    expect(terminatedAttributes({ last: 'ping', pingType: 'ready' })).toEqual({
      last: 'ping',
      eventType: 'status',
      pingType: 'terminated',
      roomEvent: 'terminated',
    });
  });

  it('calls an event unreliable when roomEvent or pingType is terminating or terminated', () => {
    expect(isUnreliable(resyncAttributes({}, 'terminating'))).toBe(true);
    expect(isUnreliable(roomEventAttributes({}, 'terminated'))).toBe(true);
    expect(isUnreliable(roomEventAttributes({ pingType: 'terminating' }, 'matchEnded'))).toBe(true);
    expect(isUnreliable(resyncAttributes({}, 'ready'))).toBe(false);
    expect(isUnreliable(resyncAttributes({ roomEvent: ['terminated'] }, 'occupied'))).toBe(false);
  });
});
