import type { V1PodDisruptionBudget, VersionInfo } from '@kubernetes/client-node';
import { MANAGED_BY_LABEL, MANAGED_BY_MAESTRO, SCHEDULER_LABEL } from '../namespace/namespace-ownership';

/** Safety margins outside [0.05, 1) fall back to 0.05 (Maestro's rule). */
export function effectiveSafety(safetyPercentage: number): number {
  return safetyPercentage < 0.05 || safetyPercentage >= 1 || Number.isNaN(safetyPercentage) ? 0.05 : safetyPercentage;
}

/**
 * minAvailable of a scheduler's PDB (runtime-kubernetes.md section 8): every room but a safety
 * share, floor(total x (1 - safety)); 0 below two rooms so single-room schedulers never block drains.
 */
export function minAvailableFor(roomAmount: number, safetyPercentage: number): number {
  const quota = roomAmount >= 2 ? roomAmount : 0;
  return Math.floor(quota * (1 - effectiveSafety(safetyPercentage)));
}

/** The PodDisruptionBudget Maestro keeps per scheduler (policy/v1), named and placed after it. */
export function disruptionBudget(scheduler: string, minAvailable: number): V1PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: scheduler, namespace: scheduler, labels: { [MANAGED_BY_LABEL]: MANAGED_BY_MAESTRO } },
    spec: { minAvailable, selector: { matchLabels: { [SCHEDULER_LABEL]: scheduler } } },
  };
}

/** Whether an existing budget already has this target (and no maxUnavailable), so no update is needed. */
export function budgetIsCurrent(budget: V1PodDisruptionBudget, minAvailable: number): boolean {
  return budget.spec?.minAvailable === minAvailable && budget.spec?.maxUnavailable === undefined;
}

const INTEGER = /^\d+$/;

/**
 * Whether the API server serves policy/v1 budgets: version >= 1.21 from `/version`, major and minor
 * each parsed as an integer; anything unparsable (a minor such as "27+") counts as unsupported.
 */
export function supportsPolicyV1(version: Pick<VersionInfo, 'major' | 'minor'>): boolean {
  if (!INTEGER.test(version.major) || !INTEGER.test(version.minor)) return false;
  const major = Number(version.major);
  const minor = Number(version.minor);
  return major >= 1 && minor >= 21;
}
