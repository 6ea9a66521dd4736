import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { MAESTRO_CONFIG, type MaestroConfig } from '@maestro/config';
import { QueuedRoomEvents } from '@maestro/domain';

/**
 * Sends the room events still queued when the app shuts down, waiting
 * `eventsForwarding.shutdownDrainTimeoutMs` at most; before any module closes (the forwarders' clients among them).
 */
@Injectable()
export class ForwardingDrain implements BeforeApplicationShutdown {
  constructor(
    @Inject(QueuedRoomEvents) private readonly events: QueuedRoomEvents,
    @Inject(MAESTRO_CONFIG) private readonly config: MaestroConfig,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.events.drain(this.config.eventsForwarding.shutdownDrainTimeoutMs);
  }
}
