import { randomBytes } from 'node:crypto';
import { TestForwarderServer, waitFor } from '@maestro/testing';
import { info, management, podNames, rooms, simulatedScheduler } from './support/maestro-client';

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

const SPAN_KIND_CLIENT = 3;
const SPAN_KIND_CONSUMER = 5;

/** Spans of the trace that the OTLP receiver of global-setup.js has so far. */
async function spansOf(traceId: string): Promise<ReceivedSpan[]> {
  const response = await fetch(`${process.env.E2E_OTLP_URL ?? 'http://127.0.0.1:18318'}/spans`);
  return ((await response.json()) as ReceivedSpan[]).filter((span) => span.traceId === traceId);
}

/** A caller's W3C trace context (sampled), as a load balancer or a client SDK would send it. */
function newTrace() {
  const traceId = randomBytes(16).toString('hex');
  return { traceId, headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` } };
}

const urlOf = (span: ReceivedSpan) => String(span.attributes['url.full'] ?? span.attributes['http.url'] ?? '');

/** Issue 18: one trace per request, across the processes and the queue, exported over OTLP. */
describe('tracing', () => {
  let matchmaker: TestForwarderServer;

  beforeAll(async () => {
    matchmaker = await TestForwarderServer.start();
  });

  afterAll(() => matchmaker.stop());

  it('follows a management call through its queued operation to the Kubernetes calls of the worker', async () => {
    const { traceId, headers } = newTrace();
    const created = await management('POST', '/schedulers', simulatedScheduler('e2e-trace-a', { roomsReplicas: 1 }), undefined, headers);
    expect(created.status).toBe(200);

    const trace = await waitFor(
      async () => {
        const spans = await spansOf(traceId);
        const execution = spans.find((s) => s.service === 'maestro-worker' && s.kind === SPAN_KIND_CONSUMER && s.name === 'operation execute');
        const namespaceCreated = spans.find((s) => s.service === 'maestro-worker' && s.kind === SPAN_KIND_CLIENT && urlOf(s).endsWith('/api/v1/namespaces'));
        return execution && namespaceCreated ? { spans, execution } : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, description: 'the worker spans of the create_scheduler operation' },
    );
    const api = trace.spans.filter((s) => s.service === 'maestro-management-api');
    expect(api.map((s) => s.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^POST/)]));
    // Postgres and Redis calls of the API join the trace too.
    expect(api.some((s) => s.attributes['db.system'] === 'postgresql' || s.attributes['db.system.name'] === 'postgresql')).toBe(true);
    expect(trace.execution.attributes).toMatchObject({ 'maestro.scheduler_name': 'e2e-trace-a' });
    // The worker's span continues the API's trace: its parent is a span of the API.
    expect(api.map((s) => s.spanId)).toContain(trace.execution.parentSpanId);
  });

  it('follows a ping to the forwarder call it causes', async () => {
    const forwarder = { name: 'matchmaker-grpc', enable: true, type: 'gRPC', address: matchmaker.address, options: { timeout: '5000', metadata: {} } };
    await management('POST', '/schedulers', simulatedScheduler('e2e-trace-b', { roomsReplicas: 1, forwarders: [forwarder] }));
    await waitFor(async () => (await info('e2e-trace-b'))?.roomsReady === 1, { timeoutMs: 60_000, description: 'scheduler ready' });
    const [room] = await podNames('e2e-trace-b');

    const { traceId, headers } = newTrace();
    expect((await rooms('PUT', `/scheduler/e2e-trace-b/rooms/${room}/ping`, { status: 'ready' }, undefined, headers)).body).toEqual({ success: true });

    const forwarded = await waitFor(
      async () =>
        (await spansOf(traceId)).find((s) => s.service === 'maestro-rooms-api' && s.kind === SPAN_KIND_CLIENT && s.attributes['rpc.system'] === 'grpc'),
      { timeoutMs: 30_000, intervalMs: 200, description: 'the gRPC client span of the forwarder call' },
    );
    expect(forwarded.name).toMatch(/SendRoomResync$/);
    const spans = await spansOf(traceId);
    expect(spans.some((s) => s.service === 'maestro-rooms-api' && /^PUT/.test(s.name))).toBe(true);
  });
});
