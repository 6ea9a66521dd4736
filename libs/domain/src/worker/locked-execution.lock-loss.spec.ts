import { silentLogger } from '../ports/logger.port';
import type { SchedulerLock } from '../ports/scheduler-lock.port';
import type { AbortReason, OperationRunner } from '../services/operation-runner';
import { LockedExecution, SCHEDULER_LOCK_TTL_MS } from './locked-execution';

describe('LockedExecution losing its lock', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setUp(renewals: (() => Promise<boolean>)[]) {
    const aborted: [string, AbortReason][] = [];
    let finish: () => void = () => undefined;
    const lock: SchedulerLock = {
      tryAcquire: async () => true,
      renew: () => (renewals.shift() ?? (async () => true))(),
      release: async () => undefined,
      claimPeriod: async () => true,
    };
    const runner = {
      run: () => new Promise<void>((resolve) => (finish = resolve)),
      abort: (operationId: string, reason: AbortReason) => {
        aborted.push([operationId, reason]);
        finish();
        return true;
      },
    } as unknown as OperationRunner;
    const execution = new LockedExecution('fleet', 'owner-1', { lock, runner, logger: silentLogger });
    return { execution, aborted, finish: () => finish() };
  }

  it('aborts the running operation as soon as a renewal reports the lock lost', async () => {
    const { execution, aborted } = setUp([async () => true, async () => false]);
    const running = execution.execute('op-1');
    await jest.advanceTimersByTimeAsync(SCHEDULER_LOCK_TTL_MS / 3);
    expect(aborted).toEqual([]);
    await jest.advanceTimersByTimeAsync(SCHEDULER_LOCK_TTL_MS / 3);
    expect(aborted).toEqual([['op-1', 'lock_lost']]);
    await running;
  });

  it('keeps running through a renewal that fails (Redis blip): the lock is still held', async () => {
    const { execution, aborted, finish } = setUp([() => Promise.reject(new Error('Connection is closed.')), async () => true]);
    const running = execution.execute('op-2');
    await jest.advanceTimersByTimeAsync(SCHEDULER_LOCK_TTL_MS);
    expect(aborted).toEqual([]);
    finish();
    await running;
  });
});
