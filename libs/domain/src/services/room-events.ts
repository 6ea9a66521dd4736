import type { Forwarder } from '../entities/scheduler';
import type { SchedulerLookup } from './scheduler-lookup';

/** Sends one event to one forwarder (the gRPC events forwarder); absent = none configured. */
export interface ForwarderTransport {
  send(forwarder: Forwarder, kind: 'status' | 'roomEvent' | 'playerEvent', payload: Record<string, unknown>): Promise<void>;
}

const STATUS_EVENTS = ['ready', 'occupied', 'terminating', 'terminated'];
const PLAYER_EVENTS = ['playerJoin', 'playerLeft'];

/**
 * Room and player events reported by rooms (rooms-api.md 3-5): validated as Maestro does and sent
 * to the scheduler's enabled forwarders; without enabled forwarders they succeed at once.
 */
export class RoomEvents {
  constructor(
    private readonly schedulers: SchedulerLookup,
    private readonly transport?: ForwarderTransport,
  ) {}

  /** Deprecated status route. */
  async statusEvent(schedulerName: string, roomId: string, status: string): Promise<boolean> {
    if (!STATUS_EVENTS.includes(status.toLowerCase())) return false;
    const result = await this.forward(schedulerName, 'status', { roomId, status });
    return result.success;
  }

  async roomEvent(schedulerName: string, roomId: string, event: string): Promise<{ success: boolean; message: string }> {
    return this.forward(schedulerName, 'roomEvent', { roomId, event });
  }

  async playerEvent(schedulerName: string, event: string, metadata: Record<string, unknown>): Promise<{ success: boolean; message: string }> {
    const forwarders = await this.enabledForwarders(schedulerName);
    if (!forwarders) return { success: false, message: `scheduler ${schedulerName} not found` };
    if (forwarders.length === 0) return { success: true, message: '' };
    if (!PLAYER_EVENTS.includes(event)) return { success: false, message: `invalid player event type ${event}` };
    if (typeof metadata.playerId !== 'string') return { success: false, message: 'playerId must be a string in the event metadata' };
    return this.send(forwarders, 'playerEvent', { event, metadata });
  }

  private async forward(schedulerName: string, kind: 'status' | 'roomEvent', payload: Record<string, unknown>) {
    const forwarders = await this.enabledForwarders(schedulerName);
    if (!forwarders) return { success: false, message: `scheduler ${schedulerName} not found` };
    return this.send(forwarders, kind, payload);
  }

  private async send(forwarders: Forwarder[], kind: 'status' | 'roomEvent' | 'playerEvent', payload: Record<string, unknown>) {
    if (forwarders.length === 0) return { success: true, message: '' };
    if (!this.transport) return { success: false, message: 'no events forwarder transport is configured' };
    try {
      await Promise.all(forwarders.map((f) => this.transport?.send(f, kind, payload)));
      return { success: true, message: '' };
    } catch (error) {
      return { success: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  private async enabledForwarders(schedulerName: string): Promise<Forwarder[] | undefined> {
    try {
      return (await this.schedulers.get(schedulerName)).forwarders.filter((f) => f.enabled);
    } catch {
      return undefined;
    }
  }
}
