import { aScheduler } from '../builders';
import { fleetMetricsContract } from '../contracts/fleet-metrics.contract';
import { RecordingFleetMetrics } from './recording-fleet-metrics';

describe('RecordingFleetMetrics', () => {
  fleetMetricsContract(() => {
    const metrics = new RecordingFleetMetrics();
    return { metrics, published: async (name) => metrics.published.get(name) };
  });

  it('counts the reports', () => {
    const metrics = new RecordingFleetMetrics();
    metrics.report(aScheduler().build(), new Map());
    metrics.report(aScheduler().build(), new Map());
    expect(metrics.reports).toBe(2);
  });
});
