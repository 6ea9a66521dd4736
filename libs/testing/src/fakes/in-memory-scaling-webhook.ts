import { readWebhookAnswer, type ScalingWebhook, type ScalingWebhookStatus, type WebhookOutcome } from '@maestro/domain';
import type { WebhookBehaviour } from '../contracts/scaling-webhook.contract';

/**
 * ScalingWebhook in memory (domain unit tests): endpoints are scripted per URL; a URL without a
 * script is unreachable, one on a refused host is not called. Hanging endpoints give up after the
 * timeout, on real timers.
 */
export class InMemoryScalingWebhook implements ScalingWebhook {
  private readonly endpoints = new Map<string, WebhookBehaviour>();
  readonly received: { url: string; status: ScalingWebhookStatus }[] = [];

  constructor(private readonly refusedHosts: readonly string[] = []) {}

  /** Scripts the endpoint at `url`. */
  respond(url: string, behaviour: WebhookBehaviour): void {
    this.endpoints.set(url, behaviour);
  }

  async ask(url: string, status: ScalingWebhookStatus, timeoutMs: number): Promise<WebhookOutcome> {
    if (this.refusedHosts.includes(new URL(url).hostname)) return { failure: 'address not allowed' };
    const behaviour = this.endpoints.get(url);
    if (!behaviour) return { failure: 'unreachable' };
    this.received.push({ url, status: JSON.parse(JSON.stringify(status)) as ScalingWebhookStatus });
    if (behaviour === 'hang') {
      await new Promise((resolve) => setTimeout(resolve, timeoutMs));
      return { failure: `timeout after ${timeoutMs}ms` };
    }
    if (behaviour.status < 200 || behaviour.status > 299) return { failure: `status ${behaviour.status}` };
    return readWebhookAnswer(behaviour.body);
  }
}
