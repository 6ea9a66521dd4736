import type { EventsForwarding } from '../events/events-forwarding.service';

const STATUS_EVENTS = ['ready', 'occupied', 'terminating', 'terminated'];

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Room and player events reported by rooms (rooms-api.md 3-5): forwarded to the scheduler's
 * enabled forwarders; the answer says whether that worked, as Maestro's routes do.
 */
export class RoomEvents {
  constructor(private readonly forwarding: EventsForwarding) {}

  /** Deprecated status route: `success` only. */
  async statusEvent(schedulerName: string, roomId: string, status: string, metadata: Record<string, unknown> = {}): Promise<boolean> {
    if (!STATUS_EVENTS.includes(status.toLowerCase())) return false;
    const result = await this.attempt(() => this.forwarding.forwardRoomEvent(schedulerName, roomId, { ...metadata, eventType: 'status', pingType: status }));
    return result.success;
  }

  async roomEvent(schedulerName: string, roomId: string, event: string, metadata: Record<string, unknown> = {}) {
    return this.attempt(() => this.forwarding.forwardRoomEvent(schedulerName, roomId, { ...metadata, eventType: 'roomEvent', roomEvent: event }));
  }

  async playerEvent(schedulerName: string, roomId: string, event: string, metadata: Record<string, unknown> = {}) {
    return this.attempt(() => this.forwarding.forwardPlayerEvent(schedulerName, roomId, { ...metadata, eventType: event }));
  }

  private async attempt(send: () => Promise<unknown>): Promise<{ success: boolean; message: string }> {
    try {
      await send();
      return { success: true, message: '' };
    } catch (error) {
      return { success: false, message: errorText(error) };
    }
  }
}
