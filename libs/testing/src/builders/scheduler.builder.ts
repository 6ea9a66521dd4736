import {
  type Autoscaling,
  type Container,
  type Forwarder,
  type Scheduler,
  ZERO_TIME,
} from '@maestro/domain';

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
    ports: [{ name: 'gameport', protocol: 'udp', port: 7777, hostPort: 0 }],
    ...overrides,
  };
}

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

export function aRoomOccupancyAutoscaling(overrides: Partial<Autoscaling> = {}): Autoscaling {
  return {
    enabled: true,
    min: 1,
    max: 10,
    cooldown: 0,
    policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: Math.fround(0.99) } } },
    ...overrides,
  };
}

/** Fluent builder of a valid scheduler (`aScheduler().withRoomsReplicas(3).build()`). */
export class SchedulerBuilder {
  private value: Scheduler = {
    name: 'my-scheduler',
    game: 'my-game',
    state: 'creating',
    rollbackVersion: '',
    spec: {
      version: 'v1.0.0',
      terminationGracePeriodNs: 100_000_000_000,
      containers: [aContainer()],
      toleration: '',
      affinity: '',
      restartPolicy: 'Never',
    },
    portRange: { start: 40000, end: 60000 },
    roomsReplicas: 0,
    createdAt: new Date('2026-01-02T10:00:00Z'),
    lastDownscaleAt: new Date(ZERO_TIME),
    maxSurge: '10%',
    forwarders: [],
    matchAllocation: { maxMatches: 1 },
  };

  withName(name: string): this {
    return this.with({ name });
  }

  withGame(game: string): this {
    return this.with({ game });
  }

  withRoomsReplicas(roomsReplicas: number): this {
    return this.with({ roomsReplicas });
  }

  withVersion(version: string): this {
    return this.with({ spec: { ...this.value.spec, version } });
  }

  withContainers(...containers: Container[]): this {
    return this.with({ spec: { ...this.value.spec, containers } });
  }

  withAutoscaling(autoscaling: Autoscaling | undefined): this {
    return this.with({ autoscaling });
  }

  withForwarders(...forwarders: Forwarder[]): this {
    return this.with({ forwarders });
  }

  /** Any other field. */
  with(overrides: Partial<Scheduler>): this {
    this.value = { ...this.value, ...overrides };
    return this;
  }

  build(): Scheduler {
    return structuredClone(this.value);
  }
}

export const aScheduler = () => new SchedulerBuilder();
