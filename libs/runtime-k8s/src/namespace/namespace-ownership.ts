import type { V1Namespace } from '@kubernetes/client-node';

/** The label that marks what Maestro created (the PDB carries it too). */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_MAESTRO = 'maestro';
/** The label naming the scheduler a namespace belongs to (the pods carry it too). */
export const SCHEDULER_LABEL = 'maestro-scheduler';

/** The labels of a scheduler's namespace: who manages it, and for which scheduler. */
export function namespaceLabels(schedulerName: string): Record<string, string> {
  return { [MANAGED_BY_LABEL]: MANAGED_BY_MAESTRO, [SCHEDULER_LABEL]: schedulerName };
}

/** Whether the namespace was created by Maestro for that scheduler (it carries both labels). */
export function isOwnedNamespace(namespace: V1Namespace, schedulerName: string): boolean {
  const labels = namespace.metadata?.labels ?? {};
  return labels[MANAGED_BY_LABEL] === MANAGED_BY_MAESTRO && labels[SCHEDULER_LABEL] === schedulerName;
}
