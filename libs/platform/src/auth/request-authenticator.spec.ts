import { TokenService } from '@maestro/domain';
import { InMemoryTokenRevocations, InMemoryTokenStorage, ManualClock, RecordingLogger } from '@maestro/testing';
import { AuthFailureLimiter } from './auth-failure.limiter';
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
