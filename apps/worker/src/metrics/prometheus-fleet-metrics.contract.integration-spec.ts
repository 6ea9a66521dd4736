import type { RoomStatus } from '@maestro/domain';
import { fleetMetricsContract, type PublishedFleet } from '@maestro/testing';
import { Registry } from 'prom-client';
import { PrometheusFleetMetrics } from './prometheus-fleet-metrics';

/** What the registry holds of one scheduler, in the contract's shape. */
async function publishedOf(registry: Registry, schedulerName: string): Promise<PublishedFleet | undefined> {
  const metrics = await registry.getMetricsAsJSON();
  const series = (name: string) => (metrics.find((metric) => metric.name === name)?.values ?? []).filter((value) => value.labels.scheduler === schedulerName);
  const rooms = series('maestro_rooms');
  const [replicas] = series('maestro_rooms_replicas');
  if (!replicas && rooms.length === 0) return undefined;
  return {
    game: String(replicas?.labels.game ?? rooms[0]?.labels.game),
    roomsReplicas: replicas?.value ?? Number.NaN,
    rooms: Object.fromEntries(rooms.map((value) => [value.labels.status as RoomStatus, value.value])),
  };
}

describe('PrometheusFleetMetrics, the FleetMetrics adapter', () => {
  fleetMetricsContract(() => {
    const registry = new Registry();
    return { metrics: new PrometheusFleetMetrics(registry), published: (name) => publishedOf(registry, name) };
  });
});
