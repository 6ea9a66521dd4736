import { ApiProperty } from '@nestjs/swagger';
import { TokenService } from '@maestro/domain';
import { InMemoryTokenRevocations, InMemoryTokenStorage, ManualClock, RecordingLogger } from '@maestro/testing';
import type { AccessRules } from '../auth/access-rules';
import { AuthFailureLimiter } from '../auth/auth-failure.limiter';
import { RequestAuthenticator } from '../auth/request-authenticator';
import type { DirectRoute } from '../http/direct-routes';
import { THROWN } from './things.controller';

export class DirectThingRequest {
  @ApiProperty() reason!: string;
}

export class DirectThingResponse {
  @ApiProperty() name!: string;
  @ApiProperty() received!: DirectThingRequest;
}

/** The management token of the direct routes' tests (the bootstrap token: an admin). */
export const DIRECT_ADMIN_SECRET = 'admin-secret-of-the-things-tests';

/** Access rules of the things app: its direct routes only (its controller has no guard). */
export const THINGS_DIRECT_RULES: AccessRules = {
  'GET /direct/:thingName': { caller: 'anyone' },
  'PUT /direct/:thingName': { caller: 'token', permission: 'read', game: { from: 'none' } },
};

/** A RequestAuthenticator of `rules` knowing one admin token, on in-memory token stores. */
export function thingsAuthenticator(rules = THINGS_DIRECT_RULES): RequestAuthenticator {
  const clock = new ManualClock();
  const ports = { storage: new InMemoryTokenStorage(), revocations: new InMemoryTokenRevocations(), clock };
  const tokens = new TokenService(ports, { bootstrapToken: DIRECT_ADMIN_SECRET });
  return new RequestAuthenticator(
    { enabled: true, rules, tokens, gameOf: async () => undefined, limiter: new AuthFailureLimiter(10, clock) },
    new RecordingLogger(),
  );
}

/** Direct twins of GET and PUT /things/:thingName: same answers, same thrown errors. */
export const THINGS_DIRECT_ROUTES: DirectRoute[] = [
  {
    method: 'GET',
    path: '/direct/:thingName',
    handle: async (request) => {
      const { thingName } = request.params as { thingName: string };
      const thrown = THROWN[thingName];
      if (thrown) throw thrown();
      return { name: thingName };
    },
    doc: { operationId: 'direct_get', summary: 'a thing', tags: ['Direct'], params: { thingName: 'the thing' }, ok: DirectThingResponse },
  },
  {
    method: 'PUT',
    path: '/direct/:thingName',
    handle: async (request) => ({ name: (request.params as { thingName: string }).thingName, received: request.body }),
    doc: {
      operationId: 'direct_touch',
      summary: 'touch a thing',
      tags: ['Direct'],
      params: { thingName: 'the thing' },
      body: DirectThingRequest,
      ok: DirectThingResponse,
    },
  },
];
