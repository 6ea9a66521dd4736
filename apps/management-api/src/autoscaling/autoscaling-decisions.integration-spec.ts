import { RedisAutoscalingDecisions } from '@maestro/storage';
import { aDecision } from '@maestro/testing';
import { ManagementApiHarness, aSchedulerBody } from '../testing/management-api.harness';

describe('GET /schedulers/{schedulerName}/autoscaling/decisions', () => {
  let api: ManagementApiHarness;

  beforeAll(async () => {
    api = await ManagementApiHarness.start();
    expect((await api.request('POST', '/schedulers', aSchedulerBody('explained'))).status).toBe(200);
    const decisions = new RedisAutoscalingDecisions(api.redis.client, api.redis.keyPrefix);
    for (const n of [1, 2, 3]) await decisions.record('explained', aDecision(n));
  });

  afterAll(() => api.stop());

  it('answers the recorded decisions newest first, up to the limit, with every field', async () => {
    const answer = await api.request('GET', '/schedulers/explained/autoscaling/decisions?limit=2');
    expect(answer.status).toBe(200);
    const json = (n: number) => ({ ...aDecision(n), at: aDecision(n).at.toISOString() });
    expect(answer.body).toEqual({ decisions: [json(3), json(2)] });
    expect((await api.request('GET', '/schedulers/explained/autoscaling/decisions')).body.decisions).toHaveLength(3);
  });

  it.each(['0', '1001', 'ten'])('answers 400 naming limit for limit=%s', async (limit) => {
    const answer = await api.request('GET', `/schedulers/explained/autoscaling/decisions?limit=${limit}`);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('limit');
  });

  it('answers 404 for an unknown scheduler', async () => {
    expect((await api.request('GET', '/schedulers/nobody/autoscaling/decisions')).status).toBe(404);
  });

  it('describes the route in the OpenAPI document', async () => {
    const document = await api.request('GET', '/docs-json');
    expect(document.body.paths['/schedulers/{schedulerName}/autoscaling/decisions'].get.responses['200']).toBeDefined();
  });
});
