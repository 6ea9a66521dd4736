import { type ScalingWebhook, type ScalingWebhookStatus, UNREADABLE_WEBHOOK_ANSWER } from '@maestro/domain';

/** How a test endpoint answers: a status and a raw body, or never. */
export type WebhookBehaviour = { status: number; body: string } | 'hang';

/** A ScalingWebhook under test with endpoints to call. */
export interface ScalingWebhookHarness {
  webhook: ScalingWebhook;
  /** Starts an endpoint that behaves so; answers its URL. */
  endpoint(behaviour: WebhookBehaviour): Promise<string>;
  /** A URL on a host the webhook is not allowed to call. */
  refusedUrl: string;
  /** The bodies the endpoints received, parsed, in order. */
  received(): unknown[];
  close(): Promise<void>;
}

/** The status every contract call sends. */
export const WEBHOOK_CONTRACT_STATUS: ScalingWebhookStatus = {
  scheduler: 'webhook-contract',
  game: 'tennis',
  rooms: { ready: 2, occupied: 5, pending: 1, terminating: 0, error: 0 },
  current: 8,
  min: 1,
  max: 40,
  allocationsPerMinute: [3, 0, 4, 1, 2],
};

/**
 * The ScalingWebhook port's contract, run against the HTTP adapter (real local server) and the
 * in-memory fake: answers, failures of every kind, the bounded wait.
 */
export function scalingWebhookContract(create: () => Promise<ScalingWebhookHarness>): void {
  describe('ScalingWebhook contract', () => {
    let harness: ScalingWebhookHarness;
    const ask = (url: string, timeoutMs = 1000) => harness.webhook.ask(url, WEBHOOK_CONTRACT_STATUS, timeoutMs);

    beforeEach(async () => {
      harness = await create();
    });

    afterEach(() => harness.close());

    it('POSTs the status and answers the rooms the endpoint wants', async () => {
      const url = await harness.endpoint({ status: 200, body: '{"rooms": 12}' });
      expect(await ask(url)).toEqual({ rooms: 12 });
      expect(harness.received()).toEqual([WEBHOOK_CONTRACT_STATUS]);
    });

    it('accepts any 2xx status and extra fields', async () => {
      const url = await harness.endpoint({ status: 201, body: '{"rooms": 0, "note": "quiet"}' });
      expect(await ask(url)).toEqual({ rooms: 0 });
    });

    it('fails on a non-2xx status, naming it', async () => {
      const url = await harness.endpoint({ status: 500, body: '{"rooms": 12}' });
      expect(await ask(url)).toEqual({ failure: 'status 500' });
    });

    it.each(['not json', '{}', '{"rooms": -1}', '{"rooms": 2.5}', '{"rooms": "3"}', '[3]'])('fails on the unreadable answer %s', async (body) => {
      const url = await harness.endpoint({ status: 200, body });
      expect(await ask(url)).toEqual({ failure: UNREADABLE_WEBHOOK_ANSWER });
    });

    it('gives up on an endpoint that does not answer within the timeout', async () => {
      const url = await harness.endpoint('hang');
      const started = Date.now();
      expect(await ask(url, 150)).toEqual({ failure: 'timeout after 150ms' });
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(140);
      expect(waited).toBeLessThan(1000);
    });

    it('does not call an address that is not allowed', async () => {
      expect(await ask(harness.refusedUrl)).toEqual({ failure: 'address not allowed' });
      expect(harness.received()).toEqual([]);
    });
  });
}
