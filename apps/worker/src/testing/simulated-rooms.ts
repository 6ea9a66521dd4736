import type { Scheduler } from '@maestro/domain';
import { aContainer, aScheduler } from '@maestro/testing';

/** A scheduler whose rooms are kube-sim's room simulator: ready after 20 ms, a ping every 200 ms, 1 s grace period. */
export const simulatedRooms = (name: string, replicas: number): Scheduler =>
  aScheduler()
    .withName(name)
    .withRoomsReplicas(replicas)
    .with({
      spec: {
        ...aScheduler().build().spec,
        terminationGracePeriodNs: 1e9,
        containers: [
          aContainer({
            image: 'maestro/room-simulator:1',
            environment: [
              { name: 'ROOM_READY_AFTER_MS', value: '20' },
              { name: 'ROOM_PING_INTERVAL_MS', value: '200' },
            ],
          }),
        ],
      },
    })
    .build();
