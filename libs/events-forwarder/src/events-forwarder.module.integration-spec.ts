import { Test } from '@nestjs/testing';
import { EVENTS_FORWARDER, type EventsForwarder } from '@maestro/domain';
import { aForwarder } from '@maestro/testing';
import { EventsForwarderModule } from './events-forwarder.module';
import { GrpcEventsForwarder } from './grpc-events.forwarder';
import { ForwarderTestServer } from './testing/forwarder-test-server';

const KEEPALIVE = Symbol('keepalive');

describe('EventsForwarderModule', () => {
  it('binds EVENTS_FORWARDER to a gRPC forwarder built from injected options and closes it on shutdown', async () => {
    const server = await ForwarderTestServer.start();
    try {
      const app = await Test.createTestingModule({
        imports: [
          EventsForwarderModule.forRootAsync({
            imports: [{ module: class KeepaliveModule {}, providers: [{ provide: KEEPALIVE, useValue: 30_000 }], exports: [KEEPALIVE], global: false }],
            inject: [KEEPALIVE],
            useFactory: async (keepAliveTimeMs: number) => ({ keepAliveTimeMs, keepAliveTimeoutMs: 5_000 }),
          }),
        ],
      }).compile();
      app.enableShutdownHooks();
      const forwarder = app.get<EventsForwarder>(EVENTS_FORWARDER);
      expect(forwarder).toBeInstanceOf(GrpcEventsForwarder);
      const room = { game: 'g', roomId: 'r' };
      await expect(
        forwarder.forwardRoomEvent(aForwarder({ address: server.address }), { rpc: 'SendRoomEvent', body: { room, eventType: 'e' } }),
      ).resolves.toMatchObject({ code: 200 });
      expect((forwarder as GrpcEventsForwarder).channels).toBe(1);
      await app.close();
      expect((forwarder as GrpcEventsForwarder).channels).toBe(0);
    } finally {
      await server.stop();
    }
  });
});
