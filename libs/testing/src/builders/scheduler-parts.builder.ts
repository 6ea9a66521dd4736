import type { Autoscaling, Container, ContainerPort, Forwarder } from '@maestro/domain';

/** A valid container port: udp 7777, no host port range (the scheduler's portRange applies). */
export function aPort(overrides: Partial<ContainerPort> = {}): ContainerPort {
  return { name: 'gameport', protocol: 'udp', port: 7777, hostPort: 0, ...overrides };
}

/** A valid container: one udp port, small requests and limits. */
export function aContainer(overrides: Partial<Container> = {}): Container {
  return {
    name: 'game',
    image: 'maestro/room-simulator:1',
    imagePullPolicy: 'IfNotPresent',
    command: ['./run'],
    environment: [{ name: 'A', value: '1' }],
    requests: { memory: '100Mi', cpu: '100m' },
    limits: { memory: '200Mi', cpu: '200m' },
    ports: [aPort()],
    ...overrides,
  };
}

/** A valid gRPC forwarder with Maestro's default options. */
export function aForwarder(overrides: Partial<Forwarder> = {}): Forwarder {
  return {
    name: 'matchmaker',
    enabled: true,
    forwardType: 'gRPC',
    address: '127.0.0.1:9090',
    options: { timeoutMs: 1000, metadata: {} },
    ...overrides,
  };
}

/** Enabled roomOccupancy autoscaling: min 1, max 10, readyTarget 0.5, downThreshold 0.99 (the default). */
export function aRoomOccupancyAutoscaling(overrides: Partial<Autoscaling> = {}): Autoscaling {
  return {
    enabled: true,
    min: 1,
    max: 10,
    cooldown: 0,
    policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: 0.99 } } },
    ...overrides,
  };
}

/** Enabled fixedBuffer autoscaling: min 1, max 10, amount 5. */
export function aFixedBufferAutoscaling(overrides: Partial<Autoscaling> = {}): Autoscaling {
  return {
    enabled: true,
    min: 1,
    max: 10,
    cooldown: 0,
    policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 5 } } },
    ...overrides,
  };
}
