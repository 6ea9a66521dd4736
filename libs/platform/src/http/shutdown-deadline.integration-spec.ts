import { Module } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { waitFor } from '@maestro/testing';
import { createMaestroApp } from '../bootstrap';
import { createPinoLogger } from '../logging/logger';
import { PlatformModule } from '../platform.module';
import { ThingsController, slowRequests } from '../testing/things.controller';

/** A fresh module per app (each platform has its own metrics registry). */
function thingsModule() {
  @Module({ imports: [PlatformModule.forApp(createPinoLogger({ service: 'shutdown-test', level: 'error', format: 'json' }))], controllers: [ThingsController] })
  class ThingsModule {}
  return ThingsModule;
}

describe('shutdown deadline (api.gracefulShutdownTimeout)', () => {
  afterEach(() => slowRequests.release());

  it('answers requests in flight that finish within the deadline', async () => {
    const app = await createMaestroApp(thingsModule(), { shutdownDeadlineMs: 5_000 });
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const entered = slowRequests.entered;
    const answer = fetch(`${url}/things/slow/request`).then((response) => response.json());
    await waitFor(() => slowRequests.entered > entered, { description: 'the slow request reached its handler' });
    const closed = app.close();
    slowRequests.release();
    expect(await answer).toEqual({ slow: true });
    await closed;
  });

  it('cuts the connections of requests still running at the deadline, so the app closes', async () => {
    const app = await createMaestroApp(thingsModule(), { shutdownDeadlineMs: 100 });
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const entered = slowRequests.entered;
    const answer = fetch(`${url}/things/slow/request`).then(
      () => 'answered',
      () => 'cut',
    );
    await waitFor(() => slowRequests.entered > entered, { description: 'the slow request reached its handler' });
    // The handler never finishes: without the deadline, close() would wait for it forever (test timeout).
    await app.close();
    expect(await answer).toBe('cut');
  });
});
