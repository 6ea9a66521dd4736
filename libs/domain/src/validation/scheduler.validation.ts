import type { Scheduler } from '../entities/scheduler';
import { InvalidArgumentError } from '../errors/domain-error';
import { collectAutoscalingIssues } from './autoscaling.validation';
import { collectContainerIssues } from './container.validation';
import { IssueCollector, isKubeResourceName, isSemanticVersion, isValidMaxSurge, rule, type ValidationIssue } from './field-rules';
import type { ForwarderAddressPolicy } from './forwarder-address.policy';
import { collectForwarderIssues } from './forwarder.validation';
import { INPUT_LIMITS } from './input-limits';
import { collectMetadataIssues, isLabelValue, isQualifiedName } from './kubernetes-metadata.validation';
import { isMaxSurgeWithinBounds } from './max-surge-bounds';
import { isValidRollbackThreshold, MAX_ROLLBACK_THRESHOLD_ROOMS } from '../rooms/rollback-threshold';
import { checkPortRangeConfiguration } from './port-range.validation';
import { formatRawValidatorText, throwIfAny } from './validation-message';

export interface ValidateSchedulerOptions {
  /**
   * Create and POST new version validate the request's autoscaling first and on its own
   * (issues under `Autoscaling.`); default true. The operation's re-validation passes false.
   */
  autoscalingFirst?: boolean;
  /** Where forwarders may connect (`adapters.grpc.allowedAddresses`); anywhere when absent. */
  forwarderAddresses?: ForwarderAddressPolicy;
}

/**
 * Validates a scheduler as Maestro does; only the first failing phase is reported: the
 * autoscaling alone (`Autoscaling.` paths), then every field rule of the whole scheduler, then the
 * port-range configuration (a bare sentence). Throws InvalidArgumentError whose message is
 * Maestro's text (management-api.md 5.1) and whose issues list every failing field.
 */
export function validateScheduler(scheduler: Scheduler, options: ValidateSchedulerOptions = {}): void {
  if (options.autoscalingFirst !== false && scheduler.autoscaling) {
    const autoscaling = IssueCollector.root('Autoscaling');
    collectAutoscalingIssues(scheduler.autoscaling, autoscaling, options.forwarderAddresses);
    throwIfAny(autoscaling.issues);
  }
  throwIfAny(collectSchedulerIssues(scheduler, options.forwarderAddresses));
  throwIfPortRangeMisconfigured(scheduler);
}

/**
 * Validates the result of a PATCH (management-api.md 4.6 step 5): one pass over the whole
 * scheduler, then the port-range rule; the message is `invalid patched scheduler: ` followed by the
 * untranslated validator text (or the port-range sentence).
 */
export function validatePatchedScheduler(scheduler: Scheduler, forwarderAddresses?: ForwarderAddressPolicy): void {
  const issues = collectSchedulerIssues(scheduler, forwarderAddresses);
  if (issues.length > 0) {
    throw new InvalidArgumentError(`invalid patched scheduler: ${formatRawValidatorText(issues)}`, issues);
  }
  const sentence = checkPortRangeConfiguration(scheduler);
  if (sentence) {
    throw new InvalidArgumentError(`invalid patched scheduler: ${sentence}`, [{ path: 'Scheduler.PortRange', message: sentence }]);
  }
}

/**
 * Every field rule of the whole scheduler, in Go struct order (the port-range rule excluded):
 * Maestro's, then this project's bounds (INPUT_LIMITS) on the same fields. Lists past their bound
 * are not walked, so the work stays bounded too.
 */
export function collectSchedulerIssues(s: Scheduler, forwarderAddresses?: ForwarderAddressPolicy): ValidationIssue[] {
  const at = IssueCollector.root('Scheduler');
  at.check(s.name === '', 'Name', 'required', rule.required) || at.check(!isKubeResourceName(s.name), 'Name', 'kube_resource_name', rule.kubeResourceName);
  at.check(s.game === '', 'Game', 'required', rule.required) ||
    at.check(s.game.length > INPUT_LIMITS.gameLength, 'Game', 'max', (f) => rule.maxLength(f, INPUT_LIMITS.gameLength));
  at.check(!s.state, 'State', 'required', rule.required);

  const spec = at.at('Spec');
  spec.check(s.spec.version === '', 'Version', 'required', rule.required) ||
    spec.check(!isSemanticVersion(s.spec.version), 'Version', 'semantic_version', rule.semanticVersion);
  spec.check(!(s.spec.terminationGracePeriodNs > 0), 'TerminationGracePeriod', 'gt', (f) => rule.gt(f, 0));
  spec.check(s.spec.containers.length === 0, 'Containers', 'required', rule.required) ||
    spec.check(s.spec.containers.length > INPUT_LIMITS.containers, 'Containers', 'max', (f) => rule.maxItems(f, INPUT_LIMITS.containers));
  s.spec.containers.slice(0, INPUT_LIMITS.containers).forEach((container, i) => collectContainerIssues(container, spec.at(`Containers[${i}]`)));
  // The pod's toleration value and node-affinity key: Kubernetes refused bad ones only at pod creation.
  spec.check(!isLabelValue(s.spec.toleration), 'Toleration', 'label_value', rule.labelValue);
  spec.check(s.spec.affinity !== '' && !isQualifiedName(s.spec.affinity), 'Affinity', 'qualified_name', rule.qualifiedName);

  if (s.autoscaling) collectAutoscalingIssues(s.autoscaling, at.at('Autoscaling'), forwarderAddresses);
  if (s.portRange) {
    const range = s.portRange;
    at.at('PortRange').check(!(range.start < range.end), 'Start', 'ltfield', (f) => rule.ltField(f, 'End'));
  }
  at.check(s.roomsReplicas < 0, 'RoomsReplicas', 'min', (f) => rule.min(f, 0));
  at.check(s.maxSurge === '', 'MaxSurge', 'required', rule.required) ||
    at.check(!isValidMaxSurge(s.maxSurge), 'MaxSurge', 'max_surge', rule.maxSurge) ||
    at.check(
      !isMaxSurgeWithinBounds(s.maxSurge),
      'MaxSurge',
      'max',
      (f) => `${f} must be at most ${INPUT_LIMITS.maxSurgeRooms} or ${INPUT_LIMITS.maxSurgePercent}%`,
    );
  at.check(
    s.rollbackThreshold !== undefined && !isValidRollbackThreshold(s.rollbackThreshold),
    'RollbackThreshold',
    'rollback_threshold',
    (f) => `${f} must be a number of rooms from 0 to ${MAX_ROLLBACK_THRESHOLD_ROOMS} or a percentage from 1% to 100%`,
  );
  at.check(s.forwarders.length > INPUT_LIMITS.forwarders, 'Forwarders', 'max', (f) => rule.maxItems(f, INPUT_LIMITS.forwarders));
  s.forwarders.slice(0, INPUT_LIMITS.forwarders).forEach((forwarder, i) => collectForwarderIssues(forwarder, at.at(`Forwarders[${i}]`), forwarderAddresses));
  collectMetadataIssues(s, at);

  const allocation = at.at('MatchAllocation');
  const maxMatches = s.matchAllocation.maxMatches;
  allocation.check(maxMatches === 0, 'MaxMatches', 'required', rule.required) ||
    allocation.check(maxMatches < 1, 'MaxMatches', 'min', (f) => rule.min(f, 1)) ||
    allocation.check(maxMatches > 35, 'MaxMatches', 'max', (f) => rule.max(f, 35));
  return at.issues;
}

function throwIfPortRangeMisconfigured(scheduler: Scheduler): void {
  const sentence = checkPortRangeConfiguration(scheduler);
  if (sentence) throw new InvalidArgumentError(sentence, [{ path: 'Scheduler.PortRange', message: sentence }]);
}
