import { aDecision, aScheduler, InMemoryAutoscalingDecisions, InMemorySchedulerStorage } from '@maestro/testing';
import { AutoscalingInsights } from './autoscaling-insights';

describe('AutoscalingInsights decisions', () => {
  const setup = async () => {
    const schedulers = new InMemorySchedulerStorage();
    await schedulers.createScheduler(aScheduler().withName('fleet').build());
    const autoscalingDecisions = new InMemoryAutoscalingDecisions();
    for (const n of [1, 2, 3]) await autoscalingDecisions.record('fleet', aDecision(n));
    return new AutoscalingInsights({ schedulers, autoscalingDecisions });
  };

  it('answers the most recent decisions first, up to the limit', async () => {
    const insights = await setup();
    expect(await insights.decisions('fleet', 2)).toEqual([aDecision(3), aDecision(2)]);
    expect(await insights.decisions('fleet')).toHaveLength(3);
  });

  it('refuses a limit outside 1..1000, naming it', async () => {
    const insights = await setup();
    for (const limit of [0, 1001, 2.5]) {
      await expect(insights.decisions('fleet', limit)).rejects.toMatchObject({ kind: 'invalid_argument', issues: [{ path: 'limit' }] });
    }
  });

  it('answers not found for an unknown scheduler', async () => {
    await expect((await setup()).decisions('nope', 5)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
