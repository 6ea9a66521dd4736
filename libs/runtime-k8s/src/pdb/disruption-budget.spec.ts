import { budgetIsCurrent, disruptionBudget, effectiveSafety, minAvailableFor, supportsPolicyV1 } from './disruption-budget';

describe('disruption budget (runtime-kubernetes.md section 8)', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [10, 9],
    [20, 19],
    [100, 95],
    [101, 95],
  ])('%d rooms -> minAvailable %d (safety 0.05)', (rooms, expected) => {
    expect(minAvailableFor(rooms, 0.05)).toBe(expected);
  });

  it.each([
    [0.01, 0.05],
    [-1, 0.05],
    [1, 0.05],
    [1.5, 0.05],
    [Number.NaN, 0.05],
    [0.05, 0.05],
    [0.5, 0.5],
    [0.99, 0.99],
  ])('safety %d -> %d', (given, effective) => {
    expect(effectiveSafety(given)).toBe(effective);
  });

  it('uses the safety percentage when valid', () => {
    expect(minAvailableFor(10, 0.5)).toBe(5);
    expect(minAvailableFor(100, 0.01)).toBe(95);
  });

  it('is the policy/v1 object of the spec', () => {
    expect(disruptionBudget('sched', 3)).toEqual({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'sched', namespace: 'sched', labels: { 'app.kubernetes.io/managed-by': 'maestro' } },
      spec: { minAvailable: 3, selector: { matchLabels: { 'maestro-scheduler': 'sched' } } },
    });
  });

  it('needs no update only when minAvailable matches and maxUnavailable is unset', () => {
    expect(budgetIsCurrent(disruptionBudget('s', 3), 3)).toBe(true);
    expect(budgetIsCurrent(disruptionBudget('s', 3), 4)).toBe(false);
    expect(budgetIsCurrent({ spec: { minAvailable: 3, maxUnavailable: 1 } }, 3)).toBe(false);
    expect(budgetIsCurrent({ spec: { minAvailable: '3' } }, 3)).toBe(false);
  });

  it.each([
    ['1', '21', true],
    ['1', '32', true],
    ['1', '20', false],
    ['1', '27+', false],
    ['1+', '30', false],
    ['0', '30', false],
    ['2', '0', false],
    ['', '', false],
  ])('/version %s.%s supports policy/v1: %s', (major, minor, expected) => {
    expect(supportsPolicyV1({ major, minor })).toBe(expected);
  });
});
