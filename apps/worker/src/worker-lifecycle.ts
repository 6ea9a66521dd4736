import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WorkerSupervisor } from '@maestro/domain';

/** Ties the worker's supervisor to the Nest application: it starts once everything is wired and drains on shutdown. */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(WorkerSupervisor) private readonly supervisor: WorkerSupervisor) {}

  onApplicationBootstrap(): Promise<void> {
    return this.supervisor.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.supervisor.stop();
  }
}
