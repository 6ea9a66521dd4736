import { type Instance, PerRoomMemo } from '@maestro/domain';
import { instanceFromJson } from './instance-json.codec';

/**
 * Rooms' instances as decoded from their stored JSON, for the adapters that read it on hot paths
 * (every ping, every allocation): a room's instance changes seldom, so its JSON is parsed again only
 * when it differs from the JSON last seen for that room. Instances are answered frozen, as they are
 * shared by every caller; one set serves the ping recorder and the allocator of a process.
 */
export class DecodedInstances {
  private readonly memo = new PerRoomMemo<{ json: string; instance: Instance }>();

  of(schedulerName: string, roomId: string, json: string): Instance {
    const known = this.memo.get(schedulerName, roomId);
    if (known?.json === json) return known.instance;
    const instance = frozen(instanceFromJson(json));
    this.memo.set(schedulerName, roomId, { json, instance });
    return instance;
  }
}

/** The instance and everything in it made read-only: a caller that would change a shared copy fails at once. */
function frozen(instance: Instance): Instance {
  Object.freeze(instance.status);
  if (instance.address) {
    for (const port of instance.address.ports) Object.freeze(port);
    Object.freeze(instance.address.ports);
    Object.freeze(instance.address);
  }
  return Object.freeze(instance);
}
