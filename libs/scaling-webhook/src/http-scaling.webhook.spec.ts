import { HttpScalingWebhook } from './http-scaling.webhook';

describe('HttpScalingWebhook without a network', () => {
  it('bounds a slow address admission by the same timeout', async () => {
    const webhook = new HttpScalingWebhook({ admits: () => new Promise<boolean>(() => undefined) });
    const started = Date.now();
    expect(await webhook.ask('http://scaler.games.svc/rooms', {} as never, 100)).toEqual({ failure: 'timeout after 100ms' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses an address the admission refuses, before any connection', async () => {
    const asked: string[] = [];
    const webhook = new HttpScalingWebhook({ admits: async (address) => (asked.push(address), false) });
    expect(await webhook.ask('http://169.254.169.254:8080/latest', {} as never, 100)).toEqual({ failure: 'address not allowed' });
    expect(asked).toEqual(['169.254.169.254:8080']);
  });
});
