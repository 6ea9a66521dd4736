import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WorkerSupervisor } from '@maestro/domain';

/**
 * Ties the worker's supervisor to the Nest application: it starts once everything is wired (the
 * application, and so /healthz, does not wait for the first sync of the schedulers) and drains on
 * shutdown.
 */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(WorkerSupervisor) private readonly supervisor: WorkerSupervisor) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.supervisor.startServing();
  }

  onApplicationShutdown(): Promise<void> {
    return this.supervisor.stop();
  }
}
