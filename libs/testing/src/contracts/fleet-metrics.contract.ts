import type { FleetMetrics, RoomStatus } from '@maestro/domain';
import { aScheduler } from '../builders';
import type { PublishedFleet } from '../fakes/recording-fleet-metrics';

/** One FleetMetrics implementation and what it publishes, read back. */
export interface FleetMetricsHarness {
  metrics: FleetMetrics;
  /** What is published of the scheduler; undefined when nothing is. */
  published(schedulerName: string): Promise<PublishedFleet | undefined>;
}

/**
 * The FleetMetrics port's contract, run against the Prometheus gauges of the worker and the
 * RecordingFleetMetrics fake. `harness()` answers a fresh implementation.
 */
export function fleetMetricsContract(harness: () => FleetMetricsHarness): void {
  describe('FleetMetrics contract', () => {
    const counts = (entries: [RoomStatus, number][]) => new Map<RoomStatus, number>(entries);

    it("publishes a scheduler's room counts by status and its replicas target", async () => {
      const h = harness();
      h.metrics.report(
        aScheduler().withName('fleet').withGame('g').withRoomsReplicas(5).build(),
        counts([
          ['ready', 3],
          ['occupied', 2],
          ['pending', 0],
        ]),
      );
      expect(await h.published('fleet')).toEqual({ game: 'g', roomsReplicas: 5, rooms: { ready: 3, occupied: 2, pending: 0 } });
      expect(await h.published('other')).toBeUndefined();
    });

    it('sets the counts a later report carries and keeps the others', async () => {
      const h = harness();
      const scheduler = aScheduler().withName('fleet').withGame('g').withRoomsReplicas(5).build();
      h.metrics.report(
        scheduler,
        counts([
          ['ready', 3],
          ['occupied', 2],
        ]),
      );
      h.metrics.report({ ...scheduler, roomsReplicas: 7 }, counts([['ready', 1]]));
      expect(await h.published('fleet')).toEqual({ game: 'g', roomsReplicas: 7, rooms: { ready: 1, occupied: 2 } });
    });

    it('drops every series of a forgotten scheduler, and only its', async () => {
      const h = harness();
      const gone = aScheduler().withName('gone').withGame('g').build();
      h.metrics.report(
        gone,
        counts([
          ['ready', 1],
          ['error', 1],
        ]),
      );
      h.metrics.report(aScheduler().withName('kept').withGame('g').withRoomsReplicas(1).build(), counts([['ready', 2]]));
      h.metrics.forget(gone);
      expect(await h.published('gone')).toBeUndefined();
      expect(await h.published('kept')).toEqual({ game: 'g', roomsReplicas: 1, rooms: { ready: 2 } });
      expect(() => h.metrics.forget(aScheduler().withName('never').build())).not.toThrow();
    });
  });
}
