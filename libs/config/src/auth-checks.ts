import { ConfigError } from './env-parsers';
import type { MaestroConfig } from './maestro-config';

/** Shortest bootstrap token and rooms secret accepted. */
export const MIN_SECRET_LENGTH = 16;

/** Problems of the authentication settings that no single variable shows (never quoting a secret). */
export function authProblems(config: Pick<MaestroConfig, 'auth'>): string[] {
  const problems: string[] = [];
  const { api, roomsApi } = config.auth;
  if (api.bootstrapToken && api.bootstrapToken.length < MIN_SECRET_LENGTH) {
    problems.push(`MAESTRO_API_AUTH_BOOTSTRAPTOKEN: must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (roomsApi.secret && roomsApi.secret.length < MIN_SECRET_LENGTH) {
    problems.push(`MAESTRO_ROOMSAPI_AUTH_SECRET: must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return problems;
}

/**
 * Throws a ConfigError when the rooms' tokens cannot be made or checked: the worker (which gives each
 * room its token) and the rooms API (which checks them) need MAESTRO_ROOMSAPI_AUTH_SECRET while
 * MAESTRO_ROOMSAPI_AUTH_ENABLED is true.
 */
export function requireRoomsSecret(config: Pick<MaestroConfig, 'auth'>): void {
  if (config.auth.roomsApi.enabled && !config.auth.roomsApi.secret) {
    throw new ConfigError('MAESTRO_ROOMSAPI_AUTH_SECRET: must be set while MAESTRO_ROOMSAPI_AUTH_ENABLED is true (npm start generates one)');
  }
}
