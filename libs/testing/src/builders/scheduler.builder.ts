import { type Autoscaling, type Container, type Forwarder, type PortRange, type Scheduler, type SchedulerState, ZERO_TIME } from '@maestro/domain';
import { aContainer } from './scheduler-parts.builder';

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

  withState(state: SchedulerState): this {
    return this.with({ state });
  }

  withRoomsReplicas(roomsReplicas: number): this {
    return this.with({ roomsReplicas });
  }

  withMaxSurge(maxSurge: string): this {
    return this.with({ maxSurge });
  }

  withMaxMatches(maxMatches: number): this {
    return this.with({ matchAllocation: { maxMatches } });
  }

  /** `undefined` removes the scheduler's port range (for per-port hostPortRange configurations). */
  withPortRange(portRange: PortRange | undefined): this {
    return this.with({ portRange });
  }

  withVersion(version: string): this {
    return this.withSpec({ version });
  }

  withTerminationGracePeriodNs(terminationGracePeriodNs: number): this {
    return this.withSpec({ terminationGracePeriodNs });
  }

  withContainers(...containers: Container[]): this {
    return this.withSpec({ containers });
  }

  withAutoscaling(autoscaling: Autoscaling | undefined): this {
    return this.with({ autoscaling });
  }

  withForwarders(...forwarders: Forwarder[]): this {
    return this.with({ forwarders });
  }

  withAnnotations(annotations: Record<string, string> | undefined): this {
    return this.with({ annotations });
  }

  withLabels(labels: Record<string, string> | undefined): this {
    return this.with({ labels });
  }

  withLastDownscaleAt(lastDownscaleAt: Date): this {
    return this.with({ lastDownscaleAt });
  }

  /** Any field of the spec. */
  withSpec(overrides: Partial<Scheduler['spec']>): this {
    return this.with({ spec: { ...this.value.spec, ...overrides } });
  }

  /** Any other field. */
  with(overrides: Partial<Scheduler>): this {
    this.value = { ...this.value, ...overrides };
    return this;
  }

  /** A deep copy: builders never share mutable state with what they built. */
  build(): Scheduler {
    return structuredClone(this.value);
  }
}

export const aScheduler = () => new SchedulerBuilder();
