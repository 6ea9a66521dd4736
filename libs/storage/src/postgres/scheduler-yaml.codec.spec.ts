import { aContainer, aForwarder, aRoomOccupancyAutoscaling, aScheduler } from '@maestro/testing';
import { parse } from 'yaml';
import { schedulerFromYaml, schedulerToYaml } from './scheduler-yaml.codec';

const columnsOf = (s: ReturnType<ReturnType<typeof aScheduler>['build']>) => ({
  name: s.name,
  game: s.game,
  state: s.state,
  version: s.spec.version,
  rollbackVersion: s.rollbackVersion,
  createdAt: s.createdAt,
});

describe('scheduler YAML column', () => {
  it("writes Maestro's keys, sorted, with nanosecond grace period and nil maps", () => {
    const yaml = schedulerToYaml(aScheduler().build());
    const keys = Object.keys(parse(yaml) as object);
    expect(keys).toEqual([...keys].sort());
    expect(yaml).toContain('TerminationGracePeriod: 100000000000');
    expect(yaml).toContain('Labels: null');
    expect(yaml).toContain('LastDownscaleAt: "0001-01-01T00:00:00Z"');
    expect(yaml).toContain('HostPortRange: null');
    expect(yaml).toMatch(/PortRange:\n {2}End: 60000\n {2}Start: 40000/);
  });

  it('reads back exactly what it wrote, autoscaling and forwarders included', () => {
    const scheduler = aScheduler()
      .withAutoscaling(aRoomOccupancyAutoscaling())
      .withForwarders(aForwarder({ options: { timeoutMs: 5000, metadata: { roomType: 'green', n: 245 } } }))
      .with({ labels: {}, annotations: { a: 'b' } })
      .build();
    expect(schedulerFromYaml(schedulerToYaml(scheduler), columnsOf(scheduler))).toEqual(scheduler);
  });

  it('writes the illustrative row of storage.md byte for byte, plus the RestartPolicy key', () => {
    const scheduler = aScheduler()
      .withAnnotations({ imageregistry: 'https://docker.hub.com/' })
      .withContainers(aContainer({ image: 'repo/game:1' }))
      .build();
    const expected = MAESTRO_ROW.replace('RoomsReplicas: 0', 'RestartPolicy: Never\nRoomsReplicas: 0');
    expect(schedulerToYaml(scheduler)).toBe(expected);
  });

  it('reads a row written by Maestro (illustrative row of storage.md), missing MatchAllocation as 1', () => {
    const row = MAESTRO_ROW.replace('MatchAllocation:\n  MaxMatches: 1\n', '');
    const scheduler = schedulerFromYaml(row, columnsOf(aScheduler().build()));
    expect(scheduler.annotations).toEqual({ imageregistry: 'https://docker.hub.com/' });
    expect(scheduler.labels).toBeUndefined();
    expect(scheduler.matchAllocation).toEqual({ maxMatches: 1 });
    expect(scheduler.spec.restartPolicy).toBe('');
    expect(scheduler.lastDownscaleAt.toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect(scheduler.spec.containers[0]).toMatchObject({ name: 'game', environment: [{ name: 'A', value: '1' }] });
    expect(scheduler.spec.terminationGracePeriodNs).toBe(100_000_000_000);
  });

  it('quotes strings that YAML 1.1 readers would take for other types, and reads them back as strings', () => {
    const scheduler = aScheduler()
      .withContainers(
        aContainer({
          environment: [
            { name: 'A', value: 'yes' },
            { name: 'B', value: '0755' },
            { name: 'C', value: '12:30' },
          ],
        }),
      )
      .withLabels({ on: 'off', empty: '' })
      .build();
    const yaml = schedulerToYaml(scheduler);
    expect(yaml).toContain('Value: "yes"');
    expect(yaml).toContain('Value: "0755"');
    expect(schedulerFromYaml(yaml, columnsOf(scheduler))).toEqual(scheduler);
  });
});

/** The illustrative row of storage.md section 2, as Maestro writes it. */
const MAESTRO_ROW = `Affinity: ""
Annotations:
  imageregistry: https://docker.hub.com/
Autoscaling: null
Containers:
- Command:
  - ./run
  Environment:
  - Name: A
    Value: "1"
    ValueFrom: null
  Image: repo/game:1
  ImagePullPolicy: IfNotPresent
  Limits:
    CPU: 200m
    Memory: 200Mi
  Name: game
  Ports:
  - HostPort: 0
    HostPortRange: null
    Name: gameport
    Port: 7777
    Protocol: udp
  Requests:
    CPU: 100m
    Memory: 100Mi
Forwarders: []
Labels: null
LastDownscaleAt: "0001-01-01T00:00:00Z"
MatchAllocation:
  MaxMatches: 1
MaxSurge: 10%
PortRange:
  End: 60000
  Start: 40000
RoomsReplicas: 0
TerminationGracePeriod: 100000000000
Toleration: ""
`;
