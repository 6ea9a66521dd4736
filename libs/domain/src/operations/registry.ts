import type { ExecutorOptions, ExecutorPorts } from './executor-ports';
import { healthControllerDefinition } from './maintenance/health-controller/health-controller.definition';
import { HealthControllerExecutor } from './maintenance/health-controller/health-controller.executor';
import { storageCleanUpDefinition } from './maintenance/storage-clean-up/storage-clean-up.definition';
import { StorageCleanUpExecutor } from './maintenance/storage-clean-up/storage-clean-up.executor';
import { OperationName } from './operation-names';
import { OperationRegistry, registerOperation } from './operation-registry';
import { addRoomsDefinition } from './rooms/add-rooms/add-rooms.definition';
import { AddRoomsExecutor } from './rooms/add-rooms/add-rooms.executor';
import { removeRoomsDefinition } from './rooms/remove-rooms/remove-rooms.definition';
import { RemoveRoomsExecutor } from './rooms/remove-rooms/remove-rooms.executor';
import { abortRollingUpdateDefinition } from './scheduler/abort-rolling-update/abort-rolling-update.definition';
import { AbortRollingUpdateExecutor } from './scheduler/abort-rolling-update/abort-rolling-update.executor';
import { createNewSchedulerVersionDefinition } from './scheduler/create-new-scheduler-version/create-new-scheduler-version.definition';
import { CreateNewSchedulerVersionExecutor } from './scheduler/create-new-scheduler-version/create-new-scheduler-version.executor';
import { createSchedulerDefinition } from './scheduler/create-scheduler/create-scheduler.definition';
import { CreateSchedulerExecutor } from './scheduler/create-scheduler/create-scheduler.executor';
import { deleteSchedulerDefinition } from './scheduler/delete-scheduler/delete-scheduler.definition';
import { DeleteSchedulerExecutor } from './scheduler/delete-scheduler/delete-scheduler.executor';
import { switchActiveVersionDefinition } from './scheduler/switch-active-version/switch-active-version.definition';
import { SwitchActiveVersionExecutor } from './scheduler/switch-active-version/switch-active-version.executor';
import { testOperationDefinition } from './test-operation/test-operation.definition';
import { TestOperationExecutor } from './test-operation/test-operation.executor';

/** Every operation, its definition with its executor, registered once; refuses to build with one missing. */
export function buildOperationRegistry(ports: ExecutorPorts, options: ExecutorOptions): OperationRegistry {
  const registry = new OperationRegistry([
    registerOperation(createSchedulerDefinition, new CreateSchedulerExecutor(ports)),
    registerOperation(createNewSchedulerVersionDefinition, new CreateNewSchedulerVersionExecutor(ports, options)),
    registerOperation(switchActiveVersionDefinition, new SwitchActiveVersionExecutor(ports)),
    registerOperation(abortRollingUpdateDefinition, new AbortRollingUpdateExecutor(ports)),
    registerOperation(deleteSchedulerDefinition, new DeleteSchedulerExecutor(ports)),
    registerOperation(addRoomsDefinition, new AddRoomsExecutor(ports, options)),
    registerOperation(removeRoomsDefinition, new RemoveRoomsExecutor(ports, options)),
    registerOperation(healthControllerDefinition, new HealthControllerExecutor(ports, options)),
    registerOperation(storageCleanUpDefinition, new StorageCleanUpExecutor(ports)),
    registerOperation(testOperationDefinition, new TestOperationExecutor()),
  ]);
  registry.assertComplete(Object.values(OperationName));
  return registry;
}
