import type { GameRoom, RoomPing } from '../entities/game-room';
import type { Instance } from '../entities/instance';
import type { Scheduler } from '../entities/scheduler';
import { systemClock } from '../ports/clock.port';
import type { RoomEventsSink } from '../services/room-status.service';
import { EventsForwarderService, type EventsForwarderPorts } from './events-forwarder.service';

/**
 * `EventsForwarderService` as the room-status sink of RoomStatusService and RoomManager, with the
 * constructor the apps already use (clock optional).
 * @deprecated construct `EventsForwarderService` and call `forwardPing`/`forwardStatusTerminated`.
 */
export class EventsForwarding extends EventsForwarderService implements RoomEventsSink {
  constructor(ports: Omit<EventsForwarderPorts, 'clock'> & Partial<Pick<EventsForwarderPorts, 'clock'>>) {
    super({ ...ports, clock: ports.clock ?? systemClock });
  }

  /** Forwards an accepted ping as `resync` (errors logged only). */
  pinged(scheduler: Scheduler, room: GameRoom, instance: Instance, ping: RoomPing): Promise<void> {
    return this.forwardPing(scheduler, { room, instance }, ping);
  }

  /** Forwards the "terminated" status event; room and instance are read again, as Maestro does. */
  terminated(scheduler: Scheduler, roomId: string, _instance?: Instance): Promise<void> {
    return this.forwardStatusTerminated(scheduler, roomId);
  }
}
