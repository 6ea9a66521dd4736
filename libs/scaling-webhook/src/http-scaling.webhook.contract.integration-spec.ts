import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { scalingWebhookContract, type WebhookBehaviour } from '@maestro/testing';
import { HttpScalingWebhook } from './http-scaling.webhook';

/** One local server per test whose paths behave as scripted. */
async function startEndpoints() {
  const behaviours: WebhookBehaviour[] = [];
  const received: unknown[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      const behaviour = behaviours[Number(request.url?.split('/').pop())];
      if (behaviour === 'hang' || behaviour === undefined) return;
      response.writeHead(behaviour.status, { 'content-type': 'application/json' }).end(behaviour.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: async (behaviour: WebhookBehaviour) => `http://127.0.0.1:${port}/scale/${behaviours.push(behaviour) - 1}`,
    received: () => [...received],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('HttpScalingWebhook, the ScalingWebhook adapter', () => {
  scalingWebhookContract(async () => {
    const endpoints = await startEndpoints();
    // As adapters.grpc.allowedAddresses = 127.0.0.1: the refused URL's host is another loopback address.
    const webhook = new HttpScalingWebhook({ admits: async (address) => address.startsWith('127.0.0.1:') });
    return { webhook, refusedUrl: 'http://127.0.0.2:9/scale', ...endpoints };
  });

  it('names an endpoint that refuses the connection', async () => {
    const endpoints = await startEndpoints();
    const url = await endpoints.endpoint({ status: 200, body: '{"rooms": 1}' });
    await endpoints.close();
    const outcome = await new HttpScalingWebhook().ask(url, {} as never, 1000);
    expect(outcome).toEqual({ failure: 'unreachable (ECONNREFUSED)' });
  });

  it('does not follow a redirect', async () => {
    const endpoints = await startEndpoints();
    const url = await endpoints.endpoint({ status: 307, body: '' });
    expect(await new HttpScalingWebhook().ask(url, {} as never, 1000)).toEqual({ failure: 'status 307' });
    await endpoints.close();
  });
});
