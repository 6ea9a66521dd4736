import { AlreadyExistsError, type ApiToken, type StoredToken, type TokenRevocations, type TokenStorage } from '@maestro/domain';

/** TokenStorage in memory (domain unit tests); passes tokenStorageContract like PostgresTokenStorage. */
export class InMemoryTokenStorage implements TokenStorage {
  private readonly stored: StoredToken[] = [];
  /** Lookups by hash made so far (tests of what is remembered). */
  lookups = 0;

  async createToken(entry: StoredToken): Promise<void> {
    if (this.stored.some((s) => s.token.name === entry.token.name)) throw new AlreadyExistsError(`token ${entry.token.name} already exists`);
    this.stored.push({ token: { ...entry.token, games: [...entry.token.games] }, secretHash: entry.secretHash });
  }

  async listTokens(): Promise<ApiToken[]> {
    return [...this.stored]
      .sort((a, b) => a.token.createdAt.getTime() - b.token.createdAt.getTime() || a.token.name.localeCompare(b.token.name))
      .map((s) => ({ ...s.token }));
  }

  async findBySecretHash(secretHash: string): Promise<ApiToken | undefined> {
    this.lookups++;
    const found = this.stored.find((s) => s.secretHash === secretHash);
    return found ? { ...found.token } : undefined;
  }

  async deleteToken(id: string): Promise<boolean> {
    const index = this.stored.findIndex((s) => s.token.id === id);
    if (index < 0) return false;
    this.stored.splice(index, 1);
    return true;
  }
}

/** TokenRevocations in memory: one counter, shared by every TokenService given the same instance. */
export class InMemoryTokenRevocations implements TokenRevocations {
  private counter = 0;

  async generation(): Promise<string> {
    return String(this.counter);
  }

  async revoked(): Promise<void> {
    this.counter++;
  }
}
