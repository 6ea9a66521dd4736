import { randomUUID } from 'node:crypto';
import type { ApiToken, TokenStorage } from '@maestro/domain';

const aToken = (name: string, createdAt = new Date('2026-01-02T10:00:00Z')): ApiToken => ({
  id: randomUUID(),
  name,
  role: 'operator',
  games: ['game-a', 'game-b'],
  createdAt,
});
const hashOf = (seed: string) => seed.padEnd(64, '0').slice(0, 64);

/** The TokenStorage port's contract, run against InMemoryTokenStorage and PostgresTokenStorage (each test on its own names). */
export function tokenStorageContract(storage: () => TokenStorage): void {
  describe('TokenStorage contract', () => {
    it('finds a token by the hash of its secret, and nothing by another hash', async () => {
      const token = aToken(`find-${randomUUID()}`);
      const hash = hashOf(`a${randomUUID().replace(/-/g, '')}`);
      await storage().createToken({ token, secretHash: hash });
      expect(await storage().findBySecretHash(hash)).toEqual(token);
      expect(await storage().findBySecretHash(hashOf('f'))).toBeUndefined();
    });

    it('refuses a second token of the same name as already existing', async () => {
      const name = `twice-${randomUUID()}`;
      await storage().createToken({ token: aToken(name), secretHash: hashOf(`b${randomUUID().replace(/-/g, '')}`) });
      const second = storage().createToken({ token: aToken(name), secretHash: hashOf(`c${randomUUID().replace(/-/g, '')}`) });
      await expect(second).rejects.toMatchObject({ kind: 'already_exists' });
    });

    it('lists tokens oldest first and forgets a deleted one, telling whether it existed', async () => {
      const older = aToken(`list-${randomUUID()}`, new Date('2026-01-01T00:00:00Z'));
      const newer = aToken(`list-${randomUUID()}`, new Date('2026-01-03T00:00:00Z'));
      const hash = hashOf(`d${randomUUID().replace(/-/g, '')}`);
      await storage().createToken({ token: newer, secretHash: hash });
      await storage().createToken({ token: older, secretHash: hashOf(`e${randomUUID().replace(/-/g, '')}`) });
      const names = (await storage().listTokens()).map((t) => t.name);
      expect(names.indexOf(older.name)).toBeLessThan(names.indexOf(newer.name));
      expect(await storage().deleteToken(newer.id)).toBe(true);
      expect(await storage().deleteToken(newer.id)).toBe(false);
      expect(await storage().findBySecretHash(hash)).toBeUndefined();
      expect((await storage().listTokens()).map((t) => t.name)).not.toContain(newer.name);
      expect(await storage().deleteToken('not-an-id')).toBe(false);
    });
  });
}
