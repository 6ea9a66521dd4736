import { formatFigures, runChaos } from './support/chaos';
import { FAST_FAULTS } from './support/faults';

/** The fast chaos cases (issue 12): Redis connections cut and Redis emptied, Postgres backends terminated, watches dropped, a worker killed. */
describe('the system under faults (fast cases; `npm run chaos` runs them all)', () => {
  it('loses nothing, leaves nothing stuck, keeps every fleet on target and touches no foreign namespace', async () => {
    const result = await runChaos({ faults: FAST_FAULTS, fleets: 3, settleMs: 120_000, workloadPeriodMs: 1_000 });
    expect(result.figures.accepted).toBeGreaterThan(0);
    const zero = {
      ...result.figures,
      lost: 0,
      stuck: 0,
      fleetsOffTarget: 0,
      podsWithoutRoom: 0,
      roomsWithoutPod: 0,
      processesDied: 0,
      foreignNamespacesDeleted: 0,
    };
    expect({ figures: formatFigures(result.figures), violations: result.violations, details: result.details }).toEqual({
      figures: formatFigures(zero),
      violations: [],
      details: [],
    });
  }, 420_000);
});
