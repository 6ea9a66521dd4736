import type { Instance } from '../entities/instance';

export const INSTANCE_STORAGE = Symbol('InstanceStorage');

/** Mirror of the runtime objects (pods) of every scheduler; room ids are unique per scheduler. */
export interface InstanceStorage {
  /** The instance as last written; throws NotFoundError. */
  getInstance(schedulerName: string, roomId: string): Promise<Instance>;
  /** The instance, or undefined when none is stored; other failures reject. */
  findInstance(schedulerName: string, roomId: string): Promise<Instance | undefined>;
  /** Inserts or replaces the instance. */
  upsertInstance(instance: Instance): Promise<void>;
  /** Removes the instance; throws NotFoundError when absent. */
  deleteInstance(schedulerName: string, roomId: string): Promise<void>;
  /** Every instance of the scheduler. */
  getAllInstances(schedulerName: string): Promise<Instance[]>;
  /** Number of instances of the scheduler. */
  getInstanceCount(schedulerName: string): Promise<number>;
}
