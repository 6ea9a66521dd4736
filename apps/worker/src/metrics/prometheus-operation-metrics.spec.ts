import { anOperation } from '@maestro/testing';
import type { Operation } from '@maestro/domain';
import { Registry } from 'prom-client';
import { PrometheusOperationMetrics } from './prometheus-operation-metrics';

describe('PrometheusOperationMetrics', () => {
  let registry: Registry;
  let now: number;
  let pending: Map<string, Operation[]>;
  let metrics: PrometheusOperationMetrics;

  beforeEach(() => {
    registry = new Registry();
    now = Date.parse('2026-01-01T00:01:00Z');
    pending = new Map();
    metrics = new PrometheusOperationMetrics(
      registry,
      (name) => Promise.resolve(pending.get(name) ?? []),
      () => now,
    );
  });

  it('counts operations by scheduler, name and final status, and times them', async () => {
    metrics.observe('game', anOperation({ definitionName: 'add_rooms', status: 'finished' }), 2);
    metrics.observe('game', anOperation({ definitionName: 'add_rooms', status: 'error' }), 1);
    metrics.observe('game', anOperation({ definitionName: 'add_rooms', status: 'pending' }), 0.1);
    metrics.observe('game', undefined, 0.1);
    const text = await registry.metrics();
    expect(text).toContain('maestro_operations_total{scheduler="game",operation="add_rooms",result="finished"} 1');
    expect(text).toContain('maestro_operations_total{scheduler="game",operation="add_rooms",result="error"} 1');
    expect(text).toContain('maestro_operations_total{scheduler="game",operation="add_rooms",result="skipped"} 1');
    expect(text).toContain('maestro_operations_total{scheduler="game",operation="unknown",result="skipped"} 1');
    expect(text).toContain('maestro_operation_duration_seconds_sum{operation="add_rooms",result="finished"} 2');
  });

  it('reports the depth and oldest age of the queues of the tracked schedulers', async () => {
    metrics.track('game');
    metrics.track('idle');
    pending.set('game', [anOperation({ createdAt: new Date('2026-01-01T00:00:30Z') }), anOperation({ createdAt: new Date('2026-01-01T00:00:50Z') })]);
    const text = await registry.metrics();
    expect(text).toContain('maestro_operation_queue_depth{scheduler="game"} 2');
    expect(text).toContain('maestro_operation_queue_oldest_age_seconds{scheduler="game"} 30');
    expect(text).toContain('maestro_operation_queue_depth{scheduler="idle"} 0');
    expect(text).toContain('maestro_operation_queue_oldest_age_seconds{scheduler="idle"} 0');
  });

  it('reports the time since the last finished health controller run, until the scheduler is forgotten', async () => {
    metrics.track('game');
    metrics.observe('game', anOperation({ definitionName: 'health_controller', status: 'finished' }), 0.1);
    now += 12_000;
    metrics.observe('game', anOperation({ definitionName: 'health_controller', status: 'error' }), 0.1);
    expect(await registry.metrics()).toContain('maestro_health_controller_lag_seconds{scheduler="game"} 12');
    metrics.forget('game');
    const text = await registry.metrics();
    expect(text).not.toContain('maestro_health_controller_lag_seconds{scheduler="game"}');
    expect(text).not.toContain('maestro_operation_queue_depth{scheduler="game"}');
  });
});
