import { TestApp } from '@maestro/testing';
import { ROOMS_API_BODY_LIMIT_BYTES, RoomsApiRoot } from '../rooms-api.root';
import { PING_METADATA_MAX_LENGTH } from './ping-body';

describe('rooms API input bounds over HTTP', () => {
  let api: TestApp;
  const ping = (body: unknown) => api.request('PUT', '/scheduler/game/rooms/room-1/ping', body);
  /** Metadata whose JSON text is exactly `length` characters. */
  const metadataOf = (length: number) => ({ k: 'x'.repeat(length - '{"k":""}'.length) });

  beforeAll(async () => {
    api = await TestApp.start({ component: 'rooms-api', root: (env, config) => RoomsApiRoot.forConfig(env, config) });
  });

  afterAll(() => api.stop());

  it('answers a body past the rooms API limit 413 with Maestro error body naming the limit', async () => {
    const response = await ping(JSON.stringify({ status: 'ready', pad: 'x'.repeat(ROOMS_API_BODY_LIMIT_BYTES) }));
    expect(response).toEqual({
      status: 413,
      body: { code: 3, message: `request body too large: this API accepts at most ${ROOMS_API_BODY_LIMIT_BYTES} bytes`, details: [] },
    });
    const event = await api.request(
      'POST',
      '/scheduler/game/rooms/room-1/roomevent',
      JSON.stringify({ event: 'x', pad: 'x'.repeat(ROOMS_API_BODY_LIMIT_BYTES) }),
    );
    expect(event.status).toBe(413);
  });

  it('takes ping metadata at its bound and answers 400 naming metadata one character past it', async () => {
    const atBound = await ping({ status: 'ready', metadata: metadataOf(PING_METADATA_MAX_LENGTH) });
    expect(atBound.status).toBe(200);
    const past = await ping({ status: 'ready', metadata: metadataOf(PING_METADATA_MAX_LENGTH + 1) });
    expect(past).toEqual({
      status: 400,
      body: { code: 3, message: `metadata: metadata must be at most ${PING_METADATA_MAX_LENGTH} characters of JSON`, details: [] },
    });
  });
});
