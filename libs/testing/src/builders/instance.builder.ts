import type { Instance } from '@maestro/domain';

/** A ready instance of `my-scheduler-abcde` with one UDP port. */
export function anInstance(overrides: Partial<Instance> = {}): Instance {
  return {
    id: 'my-scheduler-abcde',
    schedulerId: 'my-scheduler',
    status: { type: 'ready', description: '' },
    address: { host: '10.0.0.1', ports: [{ name: 'gameport', port: 40001, protocol: 'UDP' }] },
    resourceVersion: '1',
    ...overrides,
  };
}
