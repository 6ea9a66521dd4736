import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AutoscalingPolicy, Scheduler } from '@maestro/domain';
import { waitFor } from '@maestro/testing';
import { simulatedRooms } from './testing/simulated-rooms';
import { WorkerStack } from './testing/worker-stack';

const buffer = (amount: number): AutoscalingPolicy => ({ type: 'fixedBuffer', parameters: { fixedBuffer: { amount } } });
const withPolicy = (name: string, policy: AutoscalingPolicy): Scheduler => ({
  ...simulatedRooms(name, 0),
  autoscaling: { enabled: true, min: 1, max: 10, cooldown: 0, policy },
});

/** A scaling endpoint whose answer the test sets: a status and body, or no answer at all. */
class ScalingEndpoint {
  answer: { status: number; body: string } | 'hang' = { status: 200, body: '{"rooms": 3}' };
  readonly received: { scheduler: string; current: number; allocationsPerMinute: number[] }[] = [];
  private readonly server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      this.received.push(JSON.parse(body));
      if (this.answer !== 'hang') response.writeHead(this.answer.status).end(this.answer.body);
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/scale`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('schedule and webhook autoscaling on kube-sim', () => {
  let stack: WorkerStack;
  let endpoint: ScalingEndpoint;
  let url: string;

  beforeAll(async () => {
    endpoint = new ScalingEndpoint();
    url = await endpoint.start();
    stack = await WorkerStack.start();
  });

  afterAll(async () => {
    await stack.stop();
    await endpoint.stop();
  });

  const rooms = (name: string) => stack.storage.rooms.getRoomCount(name);
  const latestReason = async (name: string) => (await stack.storage.autoscalingDecisions.list(name, 1))[0]?.reason ?? '';

  it('grows the fleet when a schedule window opens, and says which window', async () => {
    // A window that opens for an hour at the start of a minute at least 20 s away, so that runs
    // before it see the default (the health controller runs every 500 ms here).
    const opensAt = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
    const cron = `${opensAt.getUTCMinutes()} ${opensAt.getUTCHours()} * * *`;
    const policy: AutoscalingPolicy = {
      type: 'schedule',
      parameters: { schedule: { timezone: 'UTC', entries: [{ cron, duration: '1h', policy: buffer(4) }], default: buffer(1) } },
    };
    await stack.schedulers.createScheduler(withPolicy('evening', policy));
    await waitFor(async () => (await rooms('evening')) === 1 && (await latestReason('evening')).includes('schedule default: fixedBuffer 1'), {
      timeoutMs: 20_000,
      description: "the default's single room",
    });
    await waitFor(async () => (await rooms('evening')) === 4, { timeoutMs: 100_000, intervalMs: 250, description: 'the window opened: 4 rooms' });
    const until = `${new Date(opensAt.getTime() + 3_600_000).toISOString().slice(11, 16)} UTC`;
    const reasons = (await stack.storage.autoscalingDecisions.list('evening', 50)).map((d) => d.reason);
    expect(reasons).toContainEqual(expect.stringContaining(`schedule window '${cron}' (until ${until}): fixedBuffer 4 wants 4`));
    // Not before the window opened.
    const opened = (await stack.storage.autoscalingDecisions.list('evening', 100)).filter((d) => d.reason.includes('schedule window'));
    expect(opened.every((d) => d.at.getTime() >= opensAt.getTime())).toBe(true);
  }, 150_000);

  it("applies a webhook's answer, and falls back when it answers 500 or not in time", async () => {
    endpoint.answer = { status: 200, body: '{"rooms": 3}' };
    const policy: AutoscalingPolicy = { type: 'webhook', parameters: { webhook: { url, timeoutMs: 300, fallback: buffer(1) } } };
    await stack.schedulers.createScheduler(withPolicy('hooked', policy));
    await waitFor(async () => (await rooms('hooked')) === 3, { timeoutMs: 20_000, description: "the webhook's 3 rooms" });
    expect(await latestReason('hooked')).toContain('webhook answered 3 wants 3');
    expect(endpoint.received.at(-1)).toMatchObject({ scheduler: 'hooked', allocationsPerMinute: [0, 0, 0, 0, 0] });

    endpoint.answer = { status: 500, body: 'down' };
    await waitFor(async () => (await rooms('hooked')) === 1, { timeoutMs: 20_000, description: 'the fallback: 1 room' });
    await waitFor(async () => (await latestReason('hooked')).includes('webhook failed (status 500), fallback fixedBuffer 1'), {
      timeoutMs: 5_000,
      description: 'the 500 named',
    });

    endpoint.answer = 'hang';
    await waitFor(async () => (await latestReason('hooked')).includes('webhook failed (timeout after 300ms), fallback fixedBuffer 1 wants 1'), {
      timeoutMs: 10_000,
      description: 'the timeout named',
    });
    expect(await rooms('hooked')).toBe(1);
  });
});
