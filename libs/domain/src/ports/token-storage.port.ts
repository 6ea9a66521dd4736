import type { ApiToken } from '../auth/api-token';

export const TOKEN_STORAGE = Symbol('TokenStorage');
export const TOKEN_REVOCATIONS = Symbol('TokenRevocations');

/** A token as stored: the token and the SHA-256 of its secret (never the secret). */
export interface StoredToken {
  token: ApiToken;
  secretHash: string;
}

/** The management API's tokens (Postgres `api_tokens`). */
export interface TokenStorage {
  /** Stores a new token; throws AlreadyExistsError when its name is taken. */
  createToken(stored: StoredToken): Promise<void>;
  /** Every token, oldest first. */
  listTokens(): Promise<ApiToken[]>;
  /** The token whose secret has this hash; undefined when none has. */
  findBySecretHash(secretHash: string): Promise<ApiToken | undefined>;
  /** Deletes the token; resolves false when there was none of that id. */
  deleteToken(id: string): Promise<boolean>;
}

/**
 * The revocation generation shared by every replica: it moves forward on each revocation, so that a
 * replica that compares it before trusting a token it remembers never trusts a revoked one.
 */
export interface TokenRevocations {
  /** The current generation (an opaque string; the same until the next revocation). */
  generation(): Promise<string>;
  /** Moves the generation forward; resolves once every replica reading it sees the new value. */
  revoked(): Promise<void>;
}
