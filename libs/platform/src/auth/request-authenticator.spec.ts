import { TokenService, roomToken } from '@maestro/domain';
import { InMemoryTokenRevocations, InMemoryTokenStorage, ManualClock, RecordingLogger } from '@maestro/testing';
import { AuthFailureLimiter } from './auth-failure.limiter';
import { callerOf } from './caller';
import { RequestAuthenticator, bearerOf } from './request-authenticator';

const authenticate = (authenticator: RequestAuthenticator, request: object) => {
  const reply = { header: () => reply };
  return authenticator.authenticate(request as never, reply as never);
};

describe('RequestAuthenticator', () => {
  const clock = new ManualClock();
  const tokens = new TokenService({ storage: new InMemoryTokenStorage(), revocations: new InMemoryTokenRevocations(), clock });
  const authenticator = (logger: RecordingLogger, rules = { 'GET /x': { caller: 'token', permission: 'read', game: { from: 'none' } } as const }) =>
    new RequestAuthenticator({ enabled: true, rules, tokens, gameOf: async () => undefined, limiter: new AuthFailureLimiter(10, clock) }, logger);
  const request = (authorization?: string) => ({ method: 'GET', routeOptions: { url: '/x' }, ip: '10.0.0.1', headers: { authorization }, params: {} });

  it('logs a refused request with its address and reason, never the credential', async () => {
    const logger = new RecordingLogger();
    await expect(authenticate(authenticator(logger), request('Bearer s3cr3t-guess'))).rejects.toMatchObject({ status: 401 });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatchObject({ level: 'warn', fields: { address: '10.0.0.1', status: 401, route: 'GET /x' } });
    expect(JSON.stringify(logger.lines)).not.toContain('s3cr3t-guess');
  });

  it('refuses a route without a rule as an error of the server', async () => {
    await expect(authenticate(authenticator(new RecordingLogger(), {} as never), request())).rejects.toThrow('route GET /x has no access rule');
  });

  describe('checkOf, for the requests of one route', () => {
    const ROOM_SECRET = 'room-secret';
    const PING = 'PUT /scheduler/:schedulerName/rooms/:roomName/ping';
    const rules = { [PING]: { caller: 'room', scheduler: 'schedulerName', room: 'roomName' } as const };
    const roomAuthenticator = (limiter: AuthFailureLimiter) =>
      new RequestAuthenticator({ enabled: true, rules, tokens, roomSecret: ROOM_SECRET, gameOf: async () => undefined, limiter }, new RecordingLogger());
    const ping = (ip: string, token: string) => ({
      method: 'PUT',
      ip,
      headers: { authorization: `Bearer ${token}` },
      params: { schedulerName: 'fleet', roomName: 'room-1' },
    });
    const reply = { header: () => reply };
    const check = (authenticator: RequestAuthenticator, request: object) =>
      authenticator.checkOf('PUT', '/scheduler/:schedulerName/rooms/:roomName/ping')(request as never, reply as never);

    it("admits a room's own token at once, recording the room as the caller", () => {
      const request = ping('10.0.0.2', roomToken(ROOM_SECRET, 'fleet', 'room-1'));
      expect(check(roomAuthenticator(new AuthFailureLimiter(10, clock)), request)).toBeUndefined();
      expect(callerOf(request)).toEqual({ kind: 'room', schedulerName: 'fleet', roomId: 'room-1' });
    });

    it("answers the check's promise for another room's token, refused with 403", async () => {
      const refused = check(roomAuthenticator(new AuthFailureLimiter(10, clock)), ping('10.0.0.3', roomToken(ROOM_SECRET, 'fleet', 'room-2')));
      expect(refused).toBeInstanceOf(Promise);
      await expect(refused).rejects.toMatchObject({ status: 403 });
    });

    it('answers 429 to an address out of failures, its own token or not', async () => {
      const limiter = new AuthFailureLimiter(1, clock);
      limiter.recordFailure('10.0.0.4');
      await expect(check(roomAuthenticator(limiter), ping('10.0.0.4', roomToken(ROOM_SECRET, 'fleet', 'room-1')))).rejects.toMatchObject({ status: 429 });
    });
  });

  it.each([
    ['Bearer abc', 'abc'],
    ['bearer   abc ', 'abc'],
    ['Basic abc', undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    [undefined, undefined],
  ])('reads the credential of %j as %j', (header, credential) => {
    expect(bearerOf(header)).toBe(credential);
  });
});
