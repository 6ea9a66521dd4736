import { TestApp } from '@maestro/testing';
import { ManagementApiRoot } from '../management-api.root';
import { aSchedulerBody } from '../testing/management-api.harness';

const buffer = (amount: number) => ({ type: 'fixedBuffer', parameters: { fixedBuffer: { amount } } });
const limits = { enabled: true, min: 1, max: 20, cooldown: 0 };
const schedule = (cron = '0 18 * * *', timezone = 'UTC') => ({
  ...limits,
  policy: { type: 'schedule', parameters: { schedule: { timezone, entries: [{ cron, duration: '4h', policy: buffer(10) }], default: buffer(2) } } },
});
const webhook = (url: string) => ({ ...limits, policy: { type: 'webhook', parameters: { webhook: { url, timeoutMs: 2000, fallback: buffer(3) } } } });

describe('schedule and webhook policies over the management API', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await TestApp.start({
      component: 'management-api',
      root: (env, config) => ManagementApiRoot.forConfig(env, config),
      env: { MAESTRO_ADAPTERS_GRPC_ALLOWEDADDRESSES: '*.games.svc, 10.0.0.0/8' },
    });
  });

  afterAll(() => api.stop());

  it('stores a schedule and a webhook policy and answers them as given', async () => {
    for (const [name, autoscaling] of [
      ['scheduled', schedule('30 19 * * 5', 'Europe/Paris')],
      ['hooked', webhook('http://scaler.games.svc:8080/rooms')],
    ] as const) {
      expect((await api.request('POST', '/schedulers', { ...aSchedulerBody(name), autoscaling })).status).toBe(200);
      expect((await api.request('GET', `/schedulers/${name}`)).body.scheduler.autoscaling).toEqual(autoscaling);
    }
  });

  it.each([
    ['a bad cron', schedule('0 25 * * *'), 'Autoscaling.Policy.Parameters.Schedule.Entries[0].Cron: Cron must be a cron of five fields'],
    ['a bad time zone', schedule('0 18 * * *', 'Europe/Atlantis'), 'Autoscaling.Policy.Parameters.Schedule.Timezone: Timezone must be an IANA time zone'],
    [
      'a bad duration',
      {
        ...limits,
        policy: {
          type: 'schedule',
          parameters: { schedule: { timezone: 'UTC', entries: [{ cron: '0 18 * * *', duration: '4 hours', policy: buffer(1) }], default: buffer(1) } },
        },
      },
      'Autoscaling.Policy.Parameters.Schedule.Entries[0].Duration: Duration must be a duration such as 4h',
    ],
    [
      'a bad inner policy',
      {
        ...limits,
        policy: {
          type: 'schedule',
          parameters: { schedule: { timezone: 'UTC', entries: [{ cron: '0 18 * * *', duration: '4h', policy: buffer(0) }], default: buffer(1) } },
        },
      },
      'Autoscaling.Policy.Parameters.Schedule.Entries[0].Policy.Parameters.FixedBuffer.Amount: Amount must be greater than 0',
    ],
    [
      'a webhook URL not allowed',
      webhook('http://169.254.169.254/latest'),
      'Autoscaling.Policy.Parameters.Webhook.Url: Url must be a host or network allowed for forwarders',
    ],
  ])('refuses %s with a 400 naming the field', async (_case, autoscaling, line) => {
    const response = await api.request('POST', '/schedulers', { ...aSchedulerBody('refused'), autoscaling });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(line);
    expect((await api.request('GET', '/schedulers/refused')).status).toBe(404);
  });

  it('simulates a schedule by the simulated clock and a webhook by its fallback', async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 2, 17, 58 + minute)).toISOString();
    const trace = [0, 1, 2, 3, 4].map((minute) => ({ at: at(minute), occupied: 0 }));
    const response = await api.request('POST', '/schedulers/scheduled/autoscaling/simulate', {
      trace,
      startupDelaySeconds: 0,
      candidates: [schedule(), webhook('http://10.1.2.3/rooms')],
    });
    expect(response.status).toBe(200);
    const desiredAt = (candidate: { steps: { at: string; desired: number }[] }, minute: number) =>
      candidate.steps.find((step) => step.at === at(minute))?.desired;
    const [scheduled, hooked] = response.body.candidates;
    expect([0, 1, 2, 3, 4].map((minute) => desiredAt(scheduled, minute))).toEqual([2, 2, 10, 10, 10]);
    expect([0, 4].map((minute) => desiredAt(hooked, minute))).toEqual([3, 3]);
  });
});
