import { JAEGER_OTLP_HTTP_PORT, tracingSettingsOf } from './tracing-settings';

const config = (tracing: Partial<{ disabled: boolean; agentHost: string; sampler: number }> = {}) => ({
  component: 'worker' as const,
  version: '1.2.3',
  tracing: { disabled: true, agentHost: 'localhost', agentPort: 6831, sampler: 0.1, ...tracing },
});

describe('tracingSettingsOf', () => {
  it('is off by default: no OTLP endpoint and Maestro tracing disabled', () => {
    expect(tracingSettingsOf({}, config())).toBeUndefined();
  });

  it('exports to the OTLP endpoint of the environment, sampling as OpenTelemetry says', () => {
    expect(tracingSettingsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, config())).toEqual({
      serviceName: 'maestro-worker',
      serviceVersion: '1.2.3',
    });
    expect(tracingSettingsOf({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces', OTEL_SERVICE_NAME: 'w' }, config())?.serviceName).toBe('w');
  });

  it("maps Maestro's Jaeger settings onto OTLP to the agent host, sampled at the Jaeger ratio", () => {
    expect(tracingSettingsOf({}, config({ disabled: false, agentHost: 'jaeger', sampler: 0.25 }))).toEqual({
      serviceName: 'maestro-worker',
      serviceVersion: '1.2.3',
      url: `http://jaeger:${JAEGER_OTLP_HTTP_PORT}/v1/traces`,
      ratio: 0.25,
    });
  });

  it('stays off with OTEL_SDK_DISABLED=true whatever else is set', () => {
    expect(tracingSettingsOf({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }, config({ disabled: false }))).toBeUndefined();
  });
});
