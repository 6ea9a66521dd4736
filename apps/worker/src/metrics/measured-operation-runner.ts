import { type Operation, OperationRunner } from '@maestro/domain';
import type { PrometheusOperationMetrics } from './prometheus-operation-metrics';

/** The OperationRunner, timing each run and counting its final status. */
export class MeasuredOperationRunner extends OperationRunner {
  constructor(
    ports: ConstructorParameters<typeof OperationRunner>[0],
    options: ConstructorParameters<typeof OperationRunner>[1],
    private readonly metrics: PrometheusOperationMetrics,
  ) {
    super(ports, options);
  }

  override async run(schedulerName: string, operationId: string): Promise<Operation | undefined> {
    const started = performance.now();
    const operation = await super.run(schedulerName, operationId);
    this.metrics.observe(schedulerName, operation, (performance.now() - started) / 1000);
    return operation;
  }
}
