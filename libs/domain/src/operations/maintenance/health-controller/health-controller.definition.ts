import { InputReader } from '../../input/input-reader';
import type { OperationDefinition } from '../../operation-definition';
import { OperationName } from '../../operation-names';

/** health_controller (operations.md 8.7): enqueued empty; after execution, whether it enqueued something. */
export interface HealthControllerInput {
  took_action?: boolean;
}

/** Stored as `{}`, then `{"took_action": true|false}` (Go's `*bool` with `omitempty`). */
export const healthControllerDefinition: OperationDefinition<HealthControllerInput> = {
  name: OperationName.HealthController,
  toJson: ({ took_action }) => (took_action === undefined ? {} : { took_action }),
  parse: (json) => {
    const tookAction = new InputReader(OperationName.HealthController, json).optionalBoolean('took_action');
    return tookAction === undefined ? {} : { took_action: tookAction };
  },
};
