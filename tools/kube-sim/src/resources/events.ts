import type { K8sObject } from '../store/k8s-object';
import { type Cause, invalidValue, required } from './validation';

const NOT_MATCHING = 'does not match event.namespace';

/**
 * The API server's validation of a core/v1 Event: the involved object's namespace agrees with the
 * event's ("old" events, without eventTime, may leave it empty only in `default`); "new" events,
 * with an eventTime, also name their reportingComponent, reportingInstance and action.
 */
export function eventIssues(event: K8sObject): Cause[] {
  const namespace = event.metadata.namespace ?? '';
  const involved = String((event.involvedObject as { namespace?: unknown } | undefined)?.namespace ?? '');
  const issues: Cause[] = [];
  if (!event.eventTime) {
    if (involved ? namespace !== involved : namespace !== '' && namespace !== 'default')
      issues.push(invalidValue('involvedObject.namespace', involved, NOT_MATCHING));
    return issues;
  }
  if (!involved && namespace !== 'default' && namespace !== 'kube-system') issues.push(invalidValue('involvedObject.namespace', involved, NOT_MATCHING));
  for (const field of ['reportingComponent', 'reportingInstance', 'action']) if (!event[field]) issues.push(required(field));
  return issues;
}
