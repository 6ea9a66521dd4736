import type { FailedRoom } from '../../../entities/scheduler';
import { InputReader } from '../../input/input-reader';
import type { OperationDefinition } from '../../operation-definition';
import { OperationName } from '../../operation-names';

/**
 * abort_rolling_update (not in Maestro): the health controller saw `failedRooms` of `version` fail,
 * reaching `threshold`; the previous version `rollbackVersion` becomes active again.
 */
export interface AbortRollingUpdateInput {
  version: string;
  rollbackVersion: string;
  threshold: number;
  failedRooms: FailedRoom[];
}

/** Stored as `{"version": "v2.0.0", "rollbackVersion": "v1.0.0", "threshold": 2, "failedRooms": [{"id", "description"}]}`. */
export const abortRollingUpdateDefinition: OperationDefinition<AbortRollingUpdateInput> = {
  name: OperationName.AbortRollingUpdate,
  toJson: ({ version, rollbackVersion, threshold, failedRooms }) => ({
    version,
    rollbackVersion,
    threshold,
    failedRooms: failedRooms.map(({ id, description }) => ({ id, description })),
  }),
  parse: (json) => {
    const input = new InputReader(OperationName.AbortRollingUpdate, json);
    const rooms = input.fields.failedRooms ?? [];
    if (!Array.isArray(rooms)) throw input.invalid('failedRooms', 'must be a list of rooms');
    return {
      version: input.string('version'),
      rollbackVersion: input.string('rollbackVersion'),
      threshold: input.integer('threshold'),
      failedRooms: rooms.map((room: unknown, i) => {
        const reader = new InputReader(OperationName.AbortRollingUpdate, room, `failedRooms[${i}]`);
        return { id: reader.string('id'), description: reader.string('description') };
      }),
    };
  },
};
