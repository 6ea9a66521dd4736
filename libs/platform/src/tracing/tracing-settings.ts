import type { MaestroConfig } from '@maestro/config';

/** Where and how much this process traces; undefined = tracing off. */
export interface TracingSettings {
  /** `service.name` of the spans (OTEL_SERVICE_NAME, else maestro-<component>). */
  serviceName: string;
  serviceVersion: string;
  /** OTLP/HTTP traces URL; undefined = the exporter reads the OTEL_EXPORTER_OTLP_* variables itself. */
  url?: string;
  /** Ratio of root traces kept; undefined = the OpenTelemetry default (OTEL_TRACES_SAMPLER, else all). */
  ratio?: number;
}

/** The OpenTelemetry variables this project reads (the exporter reads the other OTEL_EXPORTER_OTLP_* ones). */
export interface OtelEnv {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  OTEL_SERVICE_NAME?: string;
  OTEL_SDK_DISABLED?: string;
}

/** OTLP/HTTP port of a Jaeger collector (Jaeger takes OTLP since 1.35; its agent's UDP port is gone). */
export const JAEGER_OTLP_HTTP_PORT = 4318;

/**
 * Tracing is on when an OTLP endpoint is given (OTEL_EXPORTER_OTLP_ENDPOINT or its traces
 * variant), or when Maestro's `api.tracing.jaeger.disabled` is false: then spans go over OTLP/HTTP
 * to the Jaeger agent host on Jaeger's OTLP port, sampled at `api.tracing.jaeger.sampler`.
 * OTEL_SDK_DISABLED=true turns it off whatever else is set.
 */
export function tracingSettingsOf(env: OtelEnv, config: Pick<MaestroConfig, 'component' | 'tracing' | 'version'>): TracingSettings | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  const serviceName = env.OTEL_SERVICE_NAME || `maestro-${config.component}`;
  const serviceVersion = config.version;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return { serviceName, serviceVersion };
  if (config.tracing.disabled) return undefined;
  return {
    serviceName,
    serviceVersion,
    url: `http://${config.tracing.agentHost}:${JAEGER_OTLP_HTTP_PORT}/v1/traces`,
    ratio: config.tracing.sampler,
  };
}
