import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';

/** W3C trace context fields (`traceparent`, `tracestate`) as stored beside an operation. */
export type TraceCarrier = Partial<Record<'traceparent' | 'tracestate', string>>;

const tracer = trace.getTracer('@maestro/storage');

/** The W3C trace context of the active span, empty outside a trace (and when tracing is off). */
export function currentTraceCarrier(): TraceCarrier {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  const { traceparent, tracestate } = carrier;
  return { ...(traceparent ? { traceparent } : {}), ...(tracestate ? { tracestate } : {}) };
}

/**
 * Runs `work` in a consumer span continuing the trace of `carrier` (a new trace without one), so
 * that what `work` calls (Redis, Kubernetes) joins the trace of the request that queued it.
 */
export function continueTrace<T>(carrier: TraceCarrier, name: string, attributes: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, carrier);
  return tracer.startActiveSpan(name, { kind: SpanKind.CONSUMER, attributes }, parent, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}
