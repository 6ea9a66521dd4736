import { randomUUID } from 'node:crypto';
import { AlreadyExistsError, InvalidArgumentError, NotFoundError } from '../errors/domain-error';
import type { Clock } from '../ports/clock.port';
import type { TokenRevocations, TokenStorage } from '../ports/token-storage.port';
import { ALL_GAMES, type ApiToken, BOOTSTRAP_TOKEN_NAME, ROLES, isRole } from './api-token';
import { constantTimeEquals, hashSecret, newSecret } from './secrets';

export interface TokenServicePorts {
  storage: TokenStorage;
  revocations: TokenRevocations;
  clock: Clock;
}

export interface TokenServiceOptions {
  /** MAESTRO_API_AUTH_BOOTSTRAPTOKEN: an admin of every game; none when empty. */
  bootstrapToken?: string;
  /** Verified tokens remembered per process (until the next revocation), at most this many. */
  rememberedTokens?: number;
}

/** What POST /tokens asks for. */
export interface NewToken {
  name?: unknown;
  role?: unknown;
  games?: unknown;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;
const MAX_GAMES = 100;
const MAX_GAME_LENGTH = 255;
const DEFAULT_REMEMBERED = 10_000;

/**
 * The management tokens: created (the secret is answered once and stored hashed), listed, revoked,
 * and the check of a bearer secret. Verified tokens are remembered in the process, each tagged with
 * the revocation generation it was read under: one Redis read per call tells whether any token was
 * revoked since, on any replica, so a revoked token is refused by every replica on its next call.
 */
export class TokenService {
  private readonly bootstrap?: ApiToken;
  private readonly bootstrapHash?: string;
  private readonly remembered = new Map<string, ApiToken>();
  private rememberedGeneration?: string;

  constructor(
    private readonly ports: TokenServicePorts,
    private readonly options: TokenServiceOptions = {},
  ) {
    if (options.bootstrapToken) {
      this.bootstrapHash = hashSecret(options.bootstrapToken);
      this.bootstrap = { id: BOOTSTRAP_TOKEN_NAME, name: BOOTSTRAP_TOKEN_NAME, role: 'admin', games: [ALL_GAMES], createdAt: new Date(0) };
    }
  }

  /** Creates a token; answers it with its secret, which is never shown again. */
  async createToken(request: NewToken): Promise<{ token: ApiToken; secret: string }> {
    const { name, role, games } = validNewToken(request);
    if (name === BOOTSTRAP_TOKEN_NAME) throw new AlreadyExistsError(`token name ${name} is reserved`);
    const secret = newSecret();
    const token: ApiToken = { id: randomUUID(), name, role, games, createdAt: this.ports.clock.now() };
    await this.ports.storage.createToken({ token, secretHash: hashSecret(secret) });
    return { token, secret };
  }

  /** Every stored token (the bootstrap token is not stored: it is not listed). */
  listTokens(): Promise<ApiToken[]> {
    return this.ports.storage.listTokens();
  }

  /** Revokes a token on every replica; throws NotFoundError for an unknown id. */
  async revokeToken(id: string): Promise<void> {
    const deleted = await this.ports.storage.deleteToken(id);
    if (!deleted) throw new NotFoundError(`token ${id} not found`);
    await this.ports.revocations.revoked();
  }

  /** The token whose secret is `secret`; undefined when none is (unknown or revoked). */
  async verify(secret: string): Promise<ApiToken | undefined> {
    if (!secret) return undefined;
    const hash = hashSecret(secret);
    if (this.bootstrapHash && this.bootstrap && constantTimeEquals(hash, this.bootstrapHash)) return this.bootstrap;
    const generation = await this.ports.revocations.generation();
    if (generation !== this.rememberedGeneration) {
      this.remembered.clear();
      this.rememberedGeneration = generation;
    }
    const known = this.remembered.get(hash);
    if (known) return known;
    // The stored hash is found by an index lookup on the hash itself: nothing compares secrets.
    const token = await this.ports.storage.findBySecretHash(hash);
    if (token) this.remember(hash, token, generation);
    return token;
  }

  private remember(hash: string, token: ApiToken, generation: string): void {
    if (generation !== this.rememberedGeneration) return;
    if (this.remembered.size >= (this.options.rememberedTokens ?? DEFAULT_REMEMBERED)) this.remembered.clear();
    this.remembered.set(hash, token);
  }
}

function validNewToken(request: NewToken): { name: string; role: ApiToken['role']; games: string[] } {
  const issues: { path: string; message: string }[] = [];
  const { name, role, games } = request;
  if (typeof name !== 'string' || !NAME.test(name)) {
    issues.push({ path: 'name', message: 'name must be 1 to 100 letters, digits, ".", "_", "@" or "-", starting with a letter or digit' });
  }
  if (!isRole(role)) issues.push({ path: 'role', message: `role must be one of ${ROLES.join(', ')}` });
  const gameList = Array.isArray(games) ? (games as unknown[]) : undefined;
  if (!gameList || gameList.length === 0 || gameList.length > MAX_GAMES) {
    issues.push({ path: 'games', message: `games must be a list of 1 to ${MAX_GAMES} games, ["*"] for every game` });
  } else if (gameList.some((game) => typeof game !== 'string' || game.length === 0 || game.length > MAX_GAME_LENGTH)) {
    issues.push({ path: 'games', message: `each game must be a non-empty string of at most ${MAX_GAME_LENGTH} characters` });
  }
  if (issues.length > 0) throw new InvalidArgumentError(issues.map((issue) => issue.message).join('; '), issues);
  return { name: name as string, role: role as ApiToken['role'], games: [...new Set(gameList as string[])] };
}
