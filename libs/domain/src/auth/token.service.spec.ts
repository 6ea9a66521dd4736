import { InMemoryTokenRevocations, InMemoryTokenStorage, ManualClock } from '@maestro/testing';
import { authorizes } from './api-token';
import { RoomTokenCheck } from './room-token.check';
import { hashSecret, roomToken } from './secrets';
import { TokenService } from './token.service';

describe('TokenService', () => {
  const bootstrapToken = 'the-bootstrap-token-0123456789';
  let storage: InMemoryTokenStorage;
  let revocations: InMemoryTokenRevocations;
  const service = (s = storage) => new TokenService({ storage: s, revocations, clock: new ManualClock() }, { bootstrapToken });

  beforeEach(() => {
    storage = new InMemoryTokenStorage();
    revocations = new InMemoryTokenRevocations();
  });

  it('answers a new token with a high-entropy secret once, and stores only its hash', async () => {
    const { token, secret } = await service().createToken({ name: 'mm', role: 'matchmaker', games: ['g', 'g'] });
    expect(token).toMatchObject({ name: 'mm', role: 'matchmaker', games: ['g'] });
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await storage.findBySecretHash(hashSecret(secret))).toEqual(token);
    expect(JSON.stringify(await storage.listTokens())).not.toContain(secret);
  });

  it('verifies the bootstrap token as an admin of every game, and nothing for an unknown or empty secret', async () => {
    expect(await service().verify(bootstrapToken)).toMatchObject({ name: 'bootstrap', role: 'admin', games: ['*'] });
    expect(await service().verify('nope')).toBeUndefined();
    expect(await service().verify('')).toBeUndefined();
  });

  it('remembers a verified token until a revocation on any replica, after which a revoked one is refused', async () => {
    const first = service();
    const second = service();
    const { token, secret } = await first.createToken({ name: 'v', role: 'viewer', games: ['*'] });
    expect(await second.verify(secret)).toEqual(token);
    const lookups = storage.lookups;
    expect(await second.verify(secret)).toEqual(token);
    expect(storage.lookups).toBe(lookups);
    await first.revokeToken(token.id);
    expect(await second.verify(secret)).toBeUndefined();
  });

  it('refuses a revocation of an unknown token as not found', async () => {
    await expect(service().revokeToken('missing')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it.each([
    [{ name: '', role: 'admin', games: ['*'] }, 'name'],
    [{ name: 'a b', role: 'admin', games: ['*'] }, 'name'],
    [{ name: 'ok', role: 'root', games: ['*'] }, 'role'],
    [{ name: 'ok', role: 'admin', games: [] }, 'games'],
    [{ name: 'ok', role: 'admin', games: 'g' }, 'games'],
    [{ name: 'ok', role: 'admin', games: [''] }, 'games'],
  ])('refuses %j naming %s', async (request, field) => {
    await expect(service().createToken(request)).rejects.toMatchObject({ kind: 'invalid_argument', issues: [expect.objectContaining({ path: field })] });
  });

  it('reserves the name of the bootstrap token', async () => {
    await expect(service().createToken({ name: 'bootstrap', role: 'viewer', games: ['*'] })).rejects.toMatchObject({ kind: 'already_exists' });
  });
});

describe('roles, games and room tokens', () => {
  it.each([
    ['admin', 'admin', true],
    ['operator', 'change', true],
    ['operator', 'admin', false],
    ['viewer', 'read', true],
    ['viewer', 'change', false],
    ['matchmaker', 'allocate', true],
    ['matchmaker', 'read', false],
  ] as const)('%s may %s: %s', (role, permission, allowed) => {
    expect(authorizes({ role, games: ['g'] }, permission, 'g')).toBe(allowed);
    expect(authorizes({ role, games: ['other'] }, permission, 'g')).toBe(false);
    expect(authorizes({ role, games: ['*'] }, permission, 'g')).toBe(allowed);
  });

  it('gives each room a token of its own that only it matches', () => {
    const token = roomToken('secret-0123456789abc', 's', 'r1');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new RoomTokenCheck('secret-0123456789abc').accepts('s', 'r1', token)).toBe(true);
    expect(new RoomTokenCheck('secret-0123456789abc').accepts('s', 'r2', token)).toBe(false);
    expect(new RoomTokenCheck('another-secret-0123456').accepts('s', 'r1', token)).toBe(false);
  });
});
