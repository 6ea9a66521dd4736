import {
  type Autoscaling,
  type AutoscalingPolicy,
  DEFAULT_DOWN_THRESHOLD,
  DEFAULT_FORWARDER_TIMEOUT_MS,
  DEFAULT_MAX_MATCHES,
  DEFAULT_RESTART_POLICY,
  FIRST_VERSION,
  type Forwarder,
  type Scheduler,
} from './scheduler';

/**
 * Maestro's defaults for a scheduler built from a create or new-version request
 * (management-api.md 4.4): state `creating`, version v1.0.0, restart policy Never,
 * matchAllocation `{maxMatches: 1}` when absent, then the forwarder and autoscaling normalisation.
 * Present values are kept (a request's `maxMatches: 0` stays 0 and fails validation).
 */
export function applySchedulerDefaults(s: Scheduler): Scheduler {
  return {
    ...s,
    state: s.state || 'creating',
    spec: {
      ...s.spec,
      version: s.spec.version || FIRST_VERSION,
      restartPolicy: s.spec.restartPolicy || DEFAULT_RESTART_POLICY,
    },
    forwarders: s.forwarders.map(withDefaultForwarderOptions),
    autoscaling: s.autoscaling && normalizeAutoscaling(s.autoscaling),
    matchAllocation: s.matchAllocation ?? { maxMatches: DEFAULT_MAX_MATCHES },
  };
}

/** A forwarder without options gets `{timeout: 1000 ms, metadata: {}}`. */
export function withDefaultForwarderOptions(f: Forwarder): Forwarder {
  return f.options ? f : { ...f, options: { timeoutMs: DEFAULT_FORWARDER_TIMEOUT_MS, metadata: {} } };
}

/**
 * `readyTarget` and `downThreshold` are float32 on the wire: they are kept as float32 values
 * (`Math.fround`, idempotent); a 0 (absent) `downThreshold` becomes 0.99 (autoscaling.md 1).
 */
export function normalizeAutoscaling(a: Autoscaling): Autoscaling {
  return { ...a, policy: normalizePolicy(a.policy) };
}

/** The same for a policy and the policies a schedule or a webhook holds. */
function normalizePolicy(policy: AutoscalingPolicy): AutoscalingPolicy {
  const { roomOccupancy: occupancy, schedule, webhook } = policy.parameters;
  if (!occupancy && !schedule && !webhook) return policy;
  const parameters = { ...policy.parameters };
  if (occupancy) {
    const downThreshold = Math.fround(occupancy.downThreshold);
    parameters.roomOccupancy = {
      ...occupancy,
      readyTarget: Math.fround(occupancy.readyTarget),
      downThreshold: downThreshold === 0 ? DEFAULT_DOWN_THRESHOLD : downThreshold,
    };
  }
  if (schedule) {
    parameters.schedule = {
      ...schedule,
      entries: schedule.entries.map((entry) => ({ ...entry, policy: normalizePolicy(entry.policy) })),
      default: normalizePolicy(schedule.default),
    };
  }
  if (webhook) parameters.webhook = { ...webhook, fallback: normalizePolicy(webhook.fallback) };
  return { ...policy, parameters };
}
