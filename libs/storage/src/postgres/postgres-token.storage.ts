import { AlreadyExistsError, type ApiToken, type StoredToken, type TokenStorage, UnexpectedError, isRole } from '@maestro/domain';
import type { DataSource } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

interface TokenRow {
  id: string;
  name: string;
  role: string;
  games: string[];
  createdAt: Date;
}

const COLUMNS = 'id, name, role, games, created_at AS "createdAt"';

/** TokenStorage on the `api_tokens` table: the SHA-256 of each secret, never the secret. */
export class PostgresTokenStorage implements TokenStorage {
  constructor(private readonly dataSource: DataSource) {}

  async createToken({ token, secretHash }: StoredToken): Promise<void> {
    try {
      await this.dataSource.query('INSERT INTO api_tokens (id, name, role, games, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        token.id,
        token.name,
        token.role,
        [...token.games],
        secretHash,
        token.createdAt,
      ]);
    } catch (cause) {
      if ((cause as { code?: string }).code === UNIQUE_VIOLATION) throw new AlreadyExistsError(`token ${token.name} already exists`, { cause });
      throw unexpected('create token', cause);
    }
  }

  async listTokens(): Promise<ApiToken[]> {
    const rows = await this.query<TokenRow[]>('list tokens', `SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, name`, []);
    return rows.map(tokenOfRow);
  }

  async findBySecretHash(secretHash: string): Promise<ApiToken | undefined> {
    const rows = await this.query<TokenRow[]>('find token', `SELECT ${COLUMNS} FROM api_tokens WHERE secret_hash = $1`, [secretHash]);
    return rows.length > 0 ? tokenOfRow(rows[0]) : undefined;
  }

  async deleteToken(id: string): Promise<boolean> {
    // A malformed id names no token (the column is a uuid): no query, no error.
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return false;
    const [, affected] = await this.query<[unknown[], number]>('delete token', 'DELETE FROM api_tokens WHERE id = $1', [id]);
    return affected > 0;
  }

  private async query<T>(what: string, sql: string, parameters: unknown[]): Promise<T> {
    try {
      return (await this.dataSource.query(sql, parameters)) as T;
    } catch (cause) {
      throw unexpected(what, cause);
    }
  }
}

function tokenOfRow(row: TokenRow): ApiToken {
  if (!isRole(row.role)) throw new UnexpectedError(`token ${row.id} has an unknown role ${row.role}`);
  return { id: row.id, name: row.name, role: row.role, games: row.games, createdAt: new Date(row.createdAt) };
}

function unexpected(what: string, cause: unknown): UnexpectedError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new UnexpectedError(`postgres: ${what} failed: ${reason}`, { cause });
}
