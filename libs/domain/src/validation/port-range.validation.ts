import type { Scheduler } from '../entities/scheduler';

export const PORT_RANGE_MISSING = 'must configure scheduler.PortRange or scheduler.Spec.Container.Ports.HostPortRange';
export const PORT_RANGE_EXCLUSIVE =
  'scheduler.PortRange and scheduler.Spec.Container.Ports.HostPortRange are mutually exclusive configurations; please choose only one';
export const HOST_PORT_RANGE_MISSING = 'must configure HostPortRange for all scheduler.Spec.Container.Ports';

/**
 * The port-range configuration rule: exactly one of the scheduler's `portRange`, or a
 * `hostPortRange` on every port of every container. Returns Maestro's bare sentence, or
 * undefined when the configuration is valid. A spec without ports needs `portRange`.
 */
export function checkPortRangeConfiguration(s: Pick<Scheduler, 'portRange' | 'spec'>): string | undefined {
  const ports = s.spec.containers.flatMap((c) => c.ports);
  const anyHostRange = ports.some((p) => p.hostPortRange !== undefined);
  if (s.portRange) return anyHostRange ? PORT_RANGE_EXCLUSIVE : undefined;
  if (!anyHostRange) return PORT_RANGE_MISSING;
  return ports.every((p) => p.hostPortRange !== undefined) ? undefined : HOST_PORT_RANGE_MISSING;
}
