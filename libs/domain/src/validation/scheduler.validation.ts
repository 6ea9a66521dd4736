import type { Container, Forwarder, Scheduler } from '../entities/scheduler';
import { FORWARDER_TYPES, IMAGE_PULL_POLICIES, PORT_PROTOCOLS } from '../entities/scheduler';
import { InvalidArgumentError, type FieldIssue } from '../errors/domain-error';
import { collectAutoscalingIssues } from './autoscaling.validation';
import {
  IssueCollector,
  isKubeResourceName,
  isSemanticVersion,
  isValidMaxSurge,
  rule,
} from './field-rules';

export const PORT_RANGE_MISSING = 'must configure scheduler.PortRange or scheduler.Spec.Container.Ports.HostPortRange';
export const PORT_RANGE_EXCLUSIVE =
  'scheduler.PortRange and scheduler.Spec.Container.Ports.HostPortRange are mutually exclusive configurations; please choose only one';
export const HOST_PORT_RANGE_MISSING = 'must configure HostPortRange for all scheduler.Spec.Container.Ports';

export interface ValidateSchedulerOptions {
  /**
   * Create and POST new version validate the request's autoscaling first and on its own
   * (issues under `Autoscaling.`); PATCH validates the patched scheduler in one pass.
   */
  autoscalingFirst?: boolean;
}

/**
 * Validates a scheduler as Maestro does: only the first failing phase is reported (autoscaling
 * alone, then every field rule, then the port-range configuration). Throws InvalidArgumentError
 * whose message is Maestro's text and whose issues list every failing field.
 */
export function validateScheduler(scheduler: Scheduler, options: ValidateSchedulerOptions = {}): void {
  if (options.autoscalingFirst !== false && scheduler.autoscaling) {
    const autoscaling = new IssueCollector('Autoscaling');
    collectAutoscalingIssues(scheduler.autoscaling, autoscaling);
    throwIfAny(autoscaling.issues);
  }
  throwIfAny(collectSchedulerIssues(scheduler));
  const portRangeIssue = checkPortRangeConfiguration(scheduler);
  if (portRangeIssue) {
    throw new InvalidArgumentError(portRangeIssue, [{ path: 'Scheduler.PortRange', message: portRangeIssue }]);
  }
}

/** Every field rule of the whole scheduler, in struct order. */
export function collectSchedulerIssues(s: Scheduler): FieldIssue[] {
  const at = new IssueCollector('Scheduler');
  at.check(s.name === '', 'Name', rule.required) || at.check(!isKubeResourceName(s.name), 'Name', rule.kubeResourceName);
  at.check(s.game === '', 'Game', rule.required);
  at.check(!s.state, 'State', rule.required);
  const spec = at.at('Spec');
  spec.check(s.spec.version === '', 'Version', rule.required) ||
    spec.check(!isSemanticVersion(s.spec.version), 'Version', rule.semanticVersion);
  spec.check(s.spec.terminationGracePeriodNs <= 0, 'TerminationGracePeriod', (f) => rule.gt(f, 0));
  spec.check(s.spec.containers.length === 0, 'Containers', rule.required);
  s.spec.containers.forEach((container, i) => collectContainerIssues(container, spec.at(`Containers[${i}]`)));
  if (s.autoscaling) collectAutoscalingIssues(s.autoscaling, at.at('Autoscaling'));
  if (s.portRange) at.at('PortRange').check(s.portRange.start >= s.portRange.end, 'Start', (f) => rule.ltField(f, 'End'));
  at.check(s.roomsReplicas < 0, 'RoomsReplicas', (f) => rule.min(f, 0));
  at.check(s.maxSurge === '', 'MaxSurge', rule.required) || at.check(!isValidMaxSurge(s.maxSurge), 'MaxSurge', rule.maxSurge);
  s.forwarders.forEach((forwarder, i) => collectForwarderIssues(forwarder, at.at(`Forwarders[${i}]`)));
  const allocation = at.at('MatchAllocation');
  const maxMatches = s.matchAllocation.maxMatches;
  allocation.check(maxMatches === 0, 'MaxMatches', rule.required) ||
    allocation.check(maxMatches < 1, 'MaxMatches', (f) => rule.min(f, 1)) ||
    allocation.check(maxMatches > 35, 'MaxMatches', (f) => rule.max(f, 35));
  return at.issues;
}

function collectContainerIssues(c: Container, at: IssueCollector): void {
  at.check(c.name === '', 'Name', rule.required) || at.check(!isKubeResourceName(c.name), 'Name', rule.kubeResourceName);
  at.check(c.image === '', 'Image', rule.required);
  at.check(c.imagePullPolicy === '', 'ImagePullPolicy', rule.required) ||
    at.check(!(IMAGE_PULL_POLICIES as readonly string[]).includes(c.imagePullPolicy), 'ImagePullPolicy', rule.imagePullPolicy);
  c.environment.forEach((env, i) => at.at(`Environment[${i}]`).check(env.name === '', 'Name', rule.required));
  for (const [name, resources] of [['Requests', c.requests], ['Limits', c.limits]] as const) {
    const r = at.at(name);
    r.check(resources.memory === '', 'Memory', rule.required);
    r.check(resources.cpu === '', 'CPU', rule.required);
  }
  c.ports.forEach((port, i) => {
    const p = at.at(`Ports[${i}]`);
    p.check(port.name === '', 'Name', rule.required) || p.check(port.name.length > 15, 'Name', (f) => rule.maxLength(f, 15));
    p.check(port.protocol === '', 'Protocol', rule.required) ||
      p.check(!(PORT_PROTOCOLS as readonly string[]).includes(port.protocol), 'Protocol', rule.portsProtocol);
    p.check(port.port === 0, 'Port', rule.required);
    if (port.hostPortRange) {
      p.at('HostPortRange').check(port.hostPortRange.start >= port.hostPortRange.end, 'Start', (f) => rule.ltField(f, 'End'));
    }
  });
}

function collectForwarderIssues(f: Forwarder, at: IssueCollector): void {
  at.check(f.name === '', 'Name', rule.required);
  at.check(f.forwardType === '', 'ForwardType', rule.required) ||
    at.check(!(FORWARDER_TYPES as readonly string[]).includes(f.forwardType), 'ForwardType', rule.forwarderType);
  at.check(f.address === '', 'Address', rule.required);
  if (f.options) at.at('Options').check(!f.options.timeoutMs, 'Timeout', rule.required);
}

/** Exactly one of: the scheduler's portRange, or a hostPortRange on every port. */
export function checkPortRangeConfiguration(s: Scheduler): string | undefined {
  const ports = s.spec.containers.flatMap((c) => c.ports);
  const anyHostRange = ports.some((p) => p.hostPortRange);
  if (s.portRange) return anyHostRange ? PORT_RANGE_EXCLUSIVE : undefined;
  if (ports.length === 0 || !anyHostRange) return PORT_RANGE_MISSING;
  return ports.every((p) => p.hostPortRange) ? undefined : HOST_PORT_RANGE_MISSING;
}

function throwIfAny(issues: FieldIssue[]): void {
  if (issues.length === 0) return;
  const lines = issues.map((issue) => `${issue.path}: ${issue.message}`);
  throw new InvalidArgumentError(['Validation Error:', ...lines].join('\n'), issues);
}
