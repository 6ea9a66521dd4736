import { scalingWebhookContract } from '../contracts/scaling-webhook.contract';
import { InMemoryScalingWebhook } from './in-memory-scaling-webhook';

describe('InMemoryScalingWebhook', () => {
  scalingWebhookContract(async () => {
    const webhook = new InMemoryScalingWebhook(['refused.example']);
    let endpoints = 0;
    return {
      webhook,
      endpoint: async (behaviour) => {
        const url = `http://hooks.example/scale/${++endpoints}`;
        webhook.respond(url, behaviour);
        return url;
      },
      refusedUrl: 'http://refused.example/scale',
      received: () => webhook.received.map((call) => call.status),
      close: async () => undefined,
    };
  });
});
