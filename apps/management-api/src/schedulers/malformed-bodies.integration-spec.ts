import fc from 'fast-check';
import { ManagementApiHarness, aSchedulerBody } from '../testing/management-api.harness';

/** A valid body with one value somewhere replaced by arbitrary JSON (or a key removed). */
function mutate(body: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || body === null || typeof body !== 'object') return replacement;
  const entries = Array.isArray(body) ? body.map((v, i) => [String(i), v] as const) : Object.entries(body);
  if (entries.length === 0) return replacement;
  const [key, value] = entries[path[0] % entries.length];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(body) ? [...body] : { ...(body as object) };
  (copy as Record<string, unknown>)[key] = mutate(value, path.slice(1), replacement);
  return copy;
}

const malformed = fc.oneof(
  fc.jsonValue(),
  fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.jsonValue()).map(([path, value]) => mutate(aSchedulerBody('fuzz'), path, value)),
  fc.string().map((text) => `{${text}`),
);

describe('malformed request bodies (property-based)', () => {
  let api: ManagementApiHarness;

  beforeAll(async () => {
    api = await ManagementApiHarness.start();
    await api.request('POST', '/schedulers', aSchedulerBody('target'));
  });

  afterAll(() => api.stop());

  it.each([
    ['POST', '/schedulers'],
    ['POST', '/schedulers/target'],
    ['PATCH', '/schedulers/target'],
  ] as const)('%s %s never answers 5xx (400 runs)', async (method, url) => {
    await fc.assert(
      fc.asyncProperty(malformed, async (body) => {
        const payload = typeof body === 'string' ? body : JSON.stringify(body);
        const response = await api.request(method, url, payload);
        expect(response.status).toBeLessThan(500);
        if (response.status !== 200) expect(response.body).toEqual({ code: expect.any(Number), message: expect.any(String), details: [] });
      }),
      { numRuns: 400 },
    );
  });
});
