import { describe, expect, it } from 'vitest';
import { aToken } from '../testing/fixtures';
import { FakeApi } from '../testing/fake-api';
import { ANONYMOUS, resolveSession } from './session';

describe('resolveSession', () => {
  it('opens directly on an API without authentication (no /tokens/current route)', async () => {
    expect(await resolveSession(undefined, new FakeApi().fetch)).toEqual({ state: 'signed-in', token: ANONYMOUS, authOff: true });
  });

  it('asks for a token when the API wants one, and says when the token is refused', async () => {
    const api = new FakeApi().on('GET', '/tokens/current', { status: 401, body: { code: 16, message: 'unauthenticated' } });
    expect(await resolveSession(undefined, api.fetch)).toEqual({ state: 'signed-out', reason: undefined });
    expect(await resolveSession('wrong', api.fetch)).toEqual({ state: 'signed-out', reason: 'This token is not valid.' });
  });

  it('asks for a token without calling the API when the page configuration says one is needed', async () => {
    const api = new FakeApi().on('GET', '/ui/config.json', { body: { authentication: true } });
    expect(await resolveSession(undefined, api.fetch)).toEqual({ state: 'signed-out' });
    expect(api.requests.map((r) => r.path)).toEqual(['/ui/config.json']);
  });

  it('signs in with the token the API describes, sending it as a bearer token', async () => {
    const token = aToken({ role: 'viewer' });
    const api = new FakeApi().on('GET', '/tokens/current', { body: { token } });
    expect(await resolveSession('secret', api.fetch)).toEqual({ state: 'signed-in', token, secret: 'secret', authOff: false });
    expect(api.requests[0].headers.get('authorization')).toBe('Bearer secret');
  });
});
