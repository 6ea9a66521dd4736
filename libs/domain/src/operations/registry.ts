import type { ExecutorOptions, ExecutorPorts } from './executor-ports';
import { HealthControllerExecutor } from './maintenance/health-controller/health-controller.executor';
import { StorageCleanUpExecutor } from './maintenance/storage-clean-up/storage-clean-up.executor';
import { TestOperationExecutor } from './test-operation/test-operation.executor';
import { OperationExecutorRegistry } from './operation-registry';
import { OperationName } from './operation-names';
import { AddRoomsExecutor } from './rooms/add-rooms/add-rooms.executor';
import { RemoveRoomsExecutor } from './rooms/remove-rooms/remove-rooms.executor';
import { CreateSchedulerExecutor } from './scheduler/create-scheduler/create-scheduler.executor';
import { DeleteSchedulerExecutor } from './scheduler/delete-scheduler/delete-scheduler.executor';
import { NewVersionExecutor } from './scheduler/create-new-scheduler-version/create-new-scheduler-version.executor';
import { SwitchActiveVersionExecutor } from './scheduler/switch-active-version/switch-active-version.executor';

/** Every operation's executor, registered once; refuses to build with one missing. */
export function buildExecutorRegistry(ports: ExecutorPorts, options: ExecutorOptions): OperationExecutorRegistry {
  const registry = new OperationExecutorRegistry([
    new CreateSchedulerExecutor(ports),
    new NewVersionExecutor(ports, options),
    new SwitchActiveVersionExecutor(ports),
    new DeleteSchedulerExecutor(ports),
    new AddRoomsExecutor(ports, options),
    new RemoveRoomsExecutor(ports, options),
    new HealthControllerExecutor(ports, options),
    new StorageCleanUpExecutor(ports),
    new TestOperationExecutor(),
  ]);
  registry.assertComplete(Object.values(OperationName));
  return registry;
}
