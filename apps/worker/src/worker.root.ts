import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, MAESTRO_CONFIG, type MaestroConfig, forwarderOptionsOf, requireRoomsSecret, storageOptionsOf } from '@maestro/config';
import { EventsForwarderModule } from '@maestro/events-forwarder';
import {
  METRICS_REGISTRY,
  PlatformModule,
  clockProvider,
  createPinoLogger,
  eventsForwarderServiceProvider,
  queuedRoomEventsProvider,
  ForwardingDrain,
  operationManagerProvider,
  roomStatusServiceProvider,
  schedulerLookupProvider,
} from '@maestro/platform';
import { RuntimeK8sModule } from '@maestro/runtime-k8s';
import { StorageModule } from '@maestro/storage';
import { WorkerLifecycle } from './worker-lifecycle';
import {
  operationMetricsProvider,
  operationReconcilerProvider,
  operationRunnerProvider,
  roomManagerProvider,
  scalingWebhookProvider,
  workerSupervisorProvider,
} from './worker.providers';

/** Composition root of the worker for one configuration (used by main.ts and the tests). */
@Module({})
export class WorkerRoot {
  static forConfig(env: Record<string, string | undefined>, config: MaestroConfig): DynamicModule {
    requireRoomsSecret(config);
    const pino = createPinoLogger({ service: 'worker', level: config.log.level, format: config.log.format });
    const k8s = config.kubernetes;
    return {
      module: WorkerRoot,
      imports: [
        AppConfigModule.forComponent('worker', env),
        PlatformModule.forApp(pino),
        StorageModule.forRootAsync({ inject: [MAESTRO_CONFIG], useFactory: storageOptionsOf }),
        EventsForwarderModule.forRootAsync({
          inject: [METRICS_REGISTRY],
          useFactory: (registry) => ({ ...forwarderOptionsOf(config), registry }),
        }),
        RuntimeK8sModule.forRootAsync({
          inject: [METRICS_REGISTRY],
          useFactory: (registry) => ({
            registry,
            kubeconfigPath: k8s.inCluster ? undefined : k8s.kubeconfig || undefined,
            inCluster: k8s.inCluster,
            masterUrl: k8s.masterUrl || undefined,
            qps: k8s.qps,
            burst: k8s.burst,
            requestTimeoutMs: k8s.requestTimeoutMs,
            topologySpreadConstraint: k8s.topologySpread,
            fallbackPortRange: config.portAllocator.range,
            roomTokenSecret: config.auth.roomsApi.secret || undefined,
          }),
        }),
      ],
      providers: [
        clockProvider,
        schedulerLookupProvider(),
        operationManagerProvider,
        eventsForwarderServiceProvider,
        queuedRoomEventsProvider,
        ForwardingDrain,
        roomStatusServiceProvider,
        roomManagerProvider,
        operationMetricsProvider,
        scalingWebhookProvider,
        operationRunnerProvider,
        operationReconcilerProvider,
        workerSupervisorProvider,
        WorkerLifecycle,
      ],
    };
  }
}
