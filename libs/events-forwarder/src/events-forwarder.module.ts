import { type DynamicModule, Inject, Module, type ModuleMetadata, type OnApplicationShutdown } from '@nestjs/common';
import type { InjectionToken, OptionalFactoryDependency } from '@nestjs/common';
import { EVENTS_FORWARDER } from '@maestro/domain';
import { GrpcEventsForwarder, type GrpcForwarderOptions } from './grpc-events.forwarder';

export interface EventsForwarderModuleOptions {
  imports?: ModuleMetadata['imports'];
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
  useFactory: (...args: any[]) => GrpcForwarderOptions | Promise<GrpcForwarderOptions>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Binds EVENTS_FORWARDER to a GrpcEventsForwarder built from the app's options; closes its channels on shutdown. */
@Module({})
export class EventsForwarderModule implements OnApplicationShutdown {
  constructor(@Inject(EVENTS_FORWARDER) private readonly forwarder: GrpcEventsForwarder) {}

  /** The module, with options computed by `useFactory` from the injected providers. */
  static forRootAsync(options: EventsForwarderModuleOptions): DynamicModule {
    const forwarder = {
      provide: EVENTS_FORWARDER,
      inject: options.inject ?? [],
      useFactory: async (...args: unknown[]) => new GrpcEventsForwarder(await options.useFactory(...args)),
    };
    return { module: EventsForwarderModule, imports: options.imports ?? [], providers: [forwarder], exports: [EVENTS_FORWARDER] };
  }

  onApplicationShutdown(): void {
    this.forwarder.close();
  }
}
