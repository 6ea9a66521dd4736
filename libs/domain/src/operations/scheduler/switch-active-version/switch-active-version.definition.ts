import { InputReader } from '../../input/input-reader';
import type { OperationDefinition } from '../../operation-definition';
import { OperationName } from '../../operation-names';

/** switch_active_version (operations.md 8.3): the version that becomes the active one. */
export interface SwitchActiveVersionInput {
  newActiveVersion: string;
}

/** Stored as `{"newActiveVersion": "v1.2.0"}`. */
export const switchActiveVersionDefinition: OperationDefinition<SwitchActiveVersionInput> = {
  name: OperationName.SwitchActiveVersion,
  toJson: ({ newActiveVersion }) => ({ newActiveVersion }),
  parse: (json) => ({ newActiveVersion: new InputReader(OperationName.SwitchActiveVersion, json).string('newActiveVersion') }),
};
