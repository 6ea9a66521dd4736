import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENTS_FORWARDER } from '@maestro/domain';
import { GrpcEventsForwarder, type GrpcForwarderOptions } from './grpc-events.forwarder';

/** Binds EVENTS_FORWARDER to the gRPC forwarder and closes its channels on shutdown. */
@Module({})
export class EventsForwarderModule implements OnApplicationShutdown {
  constructor(@Inject(EVENTS_FORWARDER) private readonly forwarder: GrpcEventsForwarder) {}

  static forRootAsync(options: { inject?: symbol[]; useFactory: (...args: any[]) => GrpcForwarderOptions }): DynamicModule { // eslint-disable-line @typescript-eslint/no-explicit-any
    return {
      module: EventsForwarderModule,
      providers: [{ provide: EVENTS_FORWARDER, inject: options.inject ?? [], useFactory: (...args: unknown[]) => new GrpcEventsForwarder(options.useFactory(...args)) }],
      exports: [EVENTS_FORWARDER],
    };
  }

  onApplicationShutdown(): void {
    this.forwarder.close();
  }
}
