/** CPU and memory of a simulated room's container (kube-sim schedules pods by them). */
export interface ContainerResources {
  requests: { memory: string; cpu: string };
  limits: { memory: string; cpu: string };
}

export interface SimulatedSchedulerOptions {
  game?: string;
  maxSurge?: string;
  roomsReplicas?: number;
  portRange?: { start: number; end: number };
  /** Room simulator variables (ROOM_READY_AFTER_MS, ROOM_PING_INTERVAL_MS...; tools/kube-sim/README.md). */
  environment?: Record<string, string>;
  resources?: ContainerResources;
}

/**
 * Maestro JSON (POST /schedulers) of a scheduler whose rooms are kube-sim's room simulator
 * (`maestro/room-simulator`): one UDP game port, a 1 s termination grace period.
 */
export function simulatedSchedulerRequest(name: string, options: SimulatedSchedulerOptions = {}): Record<string, unknown> {
  const resources = options.resources ?? { requests: { memory: '32Mi', cpu: '10m' }, limits: { memory: '64Mi', cpu: '20m' } };
  return {
    name,
    game: options.game ?? 'simulated',
    maxSurge: options.maxSurge ?? '25%',
    roomsReplicas: options.roomsReplicas ?? 0,
    portRange: options.portRange ?? { start: 40000, end: 41000 },
    spec: {
      terminationGracePeriod: '1s',
      containers: [
        {
          name: 'room',
          image: 'maestro/room-simulator:1',
          imagePullPolicy: 'IfNotPresent',
          environment: Object.entries(options.environment ?? {}).map(([key, value]) => ({ name: key, value })),
          requests: resources.requests,
          limits: resources.limits,
          ports: [{ name: 'game', protocol: 'udp', port: 7777 }],
        },
      ],
    },
  };
}
