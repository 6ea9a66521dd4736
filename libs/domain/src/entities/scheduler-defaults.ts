import {
  DEFAULT_DOWN_THRESHOLD,
  DEFAULT_FORWARDER_TIMEOUT_MS,
  DEFAULT_RESTART_POLICY,
  FIRST_VERSION,
  type Scheduler,
} from './scheduler';

/**
 * Maestro's defaults for a scheduler built from a request: version v1.0.0, restart policy Never,
 * forwarder options `{timeout: 1000 ms, metadata: {}}`, downThreshold 0.99.
 * `readyTarget`/`downThreshold` are 32-bit floats on the wire and are stored as such (Math.fround).
 */
export function applySchedulerDefaults(s: Scheduler): Scheduler {
  const occupancy = s.autoscaling?.policy.parameters.roomOccupancy;
  return {
    ...s,
    state: s.state || 'creating',
    spec: {
      ...s.spec,
      version: s.spec.version || FIRST_VERSION,
      restartPolicy: s.spec.restartPolicy || DEFAULT_RESTART_POLICY,
    },
    forwarders: s.forwarders.map((f) => ({
      ...f,
      options: f.options ?? { timeoutMs: DEFAULT_FORWARDER_TIMEOUT_MS, metadata: {} },
    })),
    autoscaling: s.autoscaling && {
      ...s.autoscaling,
      policy: {
        ...s.autoscaling.policy,
        parameters: {
          ...s.autoscaling.policy.parameters,
          roomOccupancy: occupancy && {
            readyTarget: Math.fround(occupancy.readyTarget),
            downThreshold: Math.fround(occupancy.downThreshold || DEFAULT_DOWN_THRESHOLD),
          },
        },
      },
    },
  };
}
