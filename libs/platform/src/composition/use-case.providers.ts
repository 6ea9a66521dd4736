import type { Provider } from '@nestjs/common';
import { MAESTRO_CONFIG, type MaestroConfig } from '@maestro/config';
import {
  CLOCK,
  DEFAULT_FORWARDING_QUEUE_OPTIONS,
  EVENTS_FORWARDER,
  EventsForwarderService,
  ForwardingQueue,
  INSTANCE_STORAGE,
  LOGGER,
  OPERATION_CANCELLATION,
  OPERATION_FLOW,
  OPERATION_LEASE,
  OPERATION_STORAGE,
  OperationManager,
  QueuedRoomEvents,
  REQUESTER,
  PING_RECORDER,
  ROOM_STORAGE,
  RoomStatusService,
  SCHEDULER_CACHE,
  SCHEDULER_STORAGE,
  SchedulerLookup,
  systemClock,
} from '@maestro/domain';
import { Counter, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '../health/internal-api.controller';

// The domain's use cases as Nest providers, written once for the three composition roots. Each one
// takes its ports by token (bound by the adapter modules) and its settings from MAESTRO_CONFIG.

/** CLOCK: the system clock. */
export const clockProvider: Provider = { provide: CLOCK, useValue: systemClock };

/**
 * SchedulerLookup over the scheduler cache and Postgres; `memoMs` lets a process reuse a scheduler
 * in memory for that long (the rooms API's pings), checking the cache's invalidation generation.
 */
export function schedulerLookupProvider({ memoMs = 0 }: { memoMs?: number } = {}): Provider {
  return {
    provide: SchedulerLookup,
    inject: [SCHEDULER_CACHE, SCHEDULER_STORAGE, MAESTRO_CONFIG],
    useFactory: (cache, storage, config: MaestroConfig) => new SchedulerLookup(cache, storage, config.schedulerCacheTtlMs, memoMs),
  };
}

/** OperationManager: creates, lists and cancels operations, naming the request's caller in each (REQUESTER). */
export const operationManagerProvider: Provider = {
  provide: OperationManager,
  inject: [OPERATION_STORAGE, OPERATION_FLOW, OPERATION_LEASE, OPERATION_CANCELLATION, SCHEDULER_STORAGE, CLOCK, MAESTRO_CONFIG, REQUESTER],
  useFactory: (storage, flow, lease, cancellation, schedulers, clock, config: MaestroConfig, requester) =>
    new OperationManager({ storage, flow, lease, cancellation, schedulers, clock, requester }, { operationsTtlMs: config.workers.operationsTtlMs }),
};

/** EventsForwarderService: room and player events to the scheduler's forwarders (needs SchedulerLookup). */
export const eventsForwarderServiceProvider: Provider = {
  provide: EventsForwarderService,
  inject: [EVENTS_FORWARDER, SchedulerLookup, ROOM_STORAGE, INSTANCE_STORAGE, LOGGER, CLOCK],
  useFactory: (forwarder, schedulers, rooms, instances, logger, clock) =>
    new EventsForwarderService({ forwarder, schedulers, rooms, instances, logger, clock }),
};

/**
 * QueuedRoomEvents: the process's forwarding queue for the events of hot paths (pings, pod changes,
 * room deletions), `eventsForwarding.queueCapacity` events per scheduler, counting dropped events in
 * `maestro_events_forwarding_dropped_total{scheduler}`; drained on shutdown (ForwardingDrain).
 */
export const queuedRoomEventsProvider: Provider = {
  provide: QueuedRoomEvents,
  inject: [EventsForwarderService, LOGGER, METRICS_REGISTRY, MAESTRO_CONFIG],
  useFactory: (forwarding: EventsForwarderService, logger, registry: Registry, config: MaestroConfig) => {
    const dropped = new Counter({
      name: 'maestro_events_forwarding_dropped_total',
      help: 'Events dropped because the forwarding queue of their scheduler was full',
      labelNames: ['scheduler'],
      registers: [registry],
    });
    const options = { ...DEFAULT_FORWARDING_QUEUE_OPTIONS, capacity: config.eventsForwarding.queueCapacity };
    const queue = new ForwardingQueue(logger, options, { dropped: (scheduler) => dropped.inc({ scheduler }) });
    return new QueuedRoomEvents(forwarding, queue, logger);
  },
};

/** RoomStatusService: pings, instance changes and allocation, forwarding through QueuedRoomEvents. */
export const roomStatusServiceProvider: Provider = {
  provide: RoomStatusService,
  inject: [ROOM_STORAGE, INSTANCE_STORAGE, PING_RECORDER, SchedulerLookup, CLOCK, LOGGER, QueuedRoomEvents, MAESTRO_CONFIG],
  useFactory: (rooms, instances, pings, schedulers, clock, logger, forwarding, config: MaestroConfig) =>
    new RoomStatusService({ rooms, instances, pings, schedulers, clock, logger }, { allocationTtlMs: config.roomManager.allocationTtlMs }, forwarding),
};
