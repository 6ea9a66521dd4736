import { type Instance, type InstanceStorage, NotFoundError } from '@maestro/domain';

/** InstanceStorage in memory: instances by `<scheduler>/<room id>`, copied in and out. */
export class InMemoryInstanceStorage implements InstanceStorage {
  readonly instances = new Map<string, Instance>();

  async getInstance(schedulerName: string, roomId: string): Promise<Instance> {
    const instance = this.instances.get(`${schedulerName}/${roomId}`);
    if (!instance) throw new NotFoundError(`instance ${roomId} not found in scheduler ${schedulerName}`);
    return structuredClone(instance);
  }

  async findInstance(schedulerName: string, roomId: string): Promise<Instance | undefined> {
    const instance = this.instances.get(`${schedulerName}/${roomId}`);
    return instance && structuredClone(instance);
  }

  async upsertInstance(instance: Instance): Promise<void> {
    this.instances.set(`${instance.schedulerId}/${instance.id}`, structuredClone(instance));
  }

  async deleteInstance(schedulerName: string, roomId: string): Promise<void> {
    if (!this.instances.delete(`${schedulerName}/${roomId}`)) throw new NotFoundError(`instance ${roomId} not found in scheduler ${schedulerName}`);
  }

  async getAllInstances(schedulerName: string): Promise<Instance[]> {
    return [...this.instances.values()].filter((instance) => instance.schedulerId === schedulerName).map((instance) => structuredClone(instance));
  }

  async getInstanceCount(schedulerName: string): Promise<number> {
    return (await this.getAllInstances(schedulerName)).length;
  }
}
