import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { anOperation, createTestRedis, type TestRedis, waitFor } from '@maestro/testing';
import { BullOperationFlow } from './bull/bull-operation.flow';
import { RedisOperationStorage } from './redis/redis-operation.storage';
import { operationKeys, prefixOf } from './redis/redis-keys';

/** Issue 18: an operation carries the trace of the request that created it to the worker that runs it. */
describe('trace context of operations (tracing on)', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer('test');
  let redis: TestRedis;
  let flow: BullOperationFlow;

  beforeAll(async () => {
    provider.register();
    redis = await createTestRedis();
    flow = new BullOperationFlow({ redisUrl: redis.url, keyPrefix: redis.keyPrefix });
  });

  afterAll(async () => {
    await flow.close();
    await redis.cleanup();
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('stores the traceparent of the creating request in the operation hash', async () => {
    const storage = new RedisOperationStorage(redis.client, redis.keyPrefix);
    const operation = anOperation({ schedulerName: 'traced', id: 'op-traced' });
    const traceId = await tracer.startActiveSpan('POST /schedulers', async (span) => {
      await storage.createOperation(operation);
      span.end();
      return span.spanContext().traceId;
    });
    const untraced = anOperation({ schedulerName: 'traced', id: 'op-untraced' });
    await storage.createOperation(untraced);

    const keys = operationKeys(prefixOf(redis.keyPrefix));
    expect(await redis.client.hget(keys.operation('traced', 'op-traced'), 'traceparent')).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(await redis.client.hexists(keys.operation('traced', 'op-untraced'), 'traceparent')).toBe(0);
    expect((await storage.getOperation('traced', 'op-traced')).id).toBe('op-traced');
  });

  it('runs the handler of a queued operation in a span of the trace that queued it', async () => {
    const producer = await tracer.startActiveSpan('PUT /schedulers/a', async (span) => {
      await flow.insertOperationId('traced-flow', 'op-1');
      span.end();
      return span.spanContext();
    });
    await flow.insertOperationId('traced-flow', 'op-2');
    const seen = new Map<string, string | undefined>();
    flow.consume('traced-flow', (operationId) => {
      seen.set(operationId, trace.getActiveSpan()?.spanContext().traceId);
      return Promise.resolve();
    });
    await waitFor(() => seen.size === 2, { description: 'both operations handled' });

    expect(seen.get('op-1')).toBe(producer.traceId);
    expect(seen.get('op-2')).toEqual(expect.stringMatching(/^[0-9a-f]{32}$/));
    expect(seen.get('op-2')).not.toBe(producer.traceId);
    const executions = await waitFor(() => {
      const spans = exporter.getFinishedSpans().filter((span) => span.name === 'operation execute');
      return spans.length === 2 ? spans : undefined;
    });
    const continued = executions.find((span) => span.attributes['maestro.operation_id'] === 'op-1');
    expect(continued?.parentSpanContext?.spanId).toBe(producer.spanId);
  });
});
