import { EventEmitter } from 'node:events';
import type { RunningApp } from './bootstrap';
import { exitOnSignals } from './exit-on-signals';
import { PINO } from './platform.module';

/** A running app whose close() the test settles, with a logger that keeps its lines. */
function fakeApp(close: () => Promise<void>) {
  const lines: string[] = [];
  const logger = { info: (...args: unknown[]) => lines.push(String(args.at(-1))), error: (...args: unknown[]) => lines.push(String(args.at(-1))) };
  const app = { get: (token: unknown) => (token === PINO ? logger : undefined) };
  const running = { app, internal: {}, close: jest.fn(close) } as unknown as RunningApp & { close: jest.Mock };
  return { running, lines };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('exitOnSignals', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('closes the app on %s, then exits 0', async (signal) => {
    const signals = new EventEmitter();
    const exit = jest.fn();
    let finishClose = () => {};
    const { running, lines } = fakeApp(() => new Promise<void>((resolve) => (finishClose = resolve)));
    exitOnSignals(running, exit, signals);

    signals.emit(signal, signal);
    await settled();
    expect(running.close).toHaveBeenCalledTimes(1);
    expect(exit).not.toHaveBeenCalled(); // not before the app has closed

    finishClose();
    await settled();
    expect(exit).toHaveBeenCalledWith(0);
    expect(lines).toEqual(['stopping', 'stopped']);
  });

  it('closes once when a second signal comes while closing', async () => {
    const signals = new EventEmitter();
    const exit = jest.fn();
    const { running } = fakeApp(() => Promise.resolve());
    exitOnSignals(running, exit, signals);
    signals.emit('SIGTERM', 'SIGTERM');
    signals.emit('SIGINT', 'SIGINT');
    signals.emit('SIGTERM', 'SIGTERM');
    await settled();
    expect(running.close).toHaveBeenCalledTimes(1);
    expect(exit.mock.calls).toEqual([[0]]);
  });

  it('exits 1 when closing fails', async () => {
    const signals = new EventEmitter();
    const exit = jest.fn();
    const { running, lines } = fakeApp(() => Promise.reject(new Error('redis gone')));
    exitOnSignals(running, exit, signals);
    signals.emit('SIGTERM', 'SIGTERM');
    await settled();
    expect(exit.mock.calls).toEqual([[1]]);
    expect(lines).toEqual(['stopping', 'stopping failed']);
  });

  it('does nothing before a signal', async () => {
    const exit = jest.fn();
    const { running } = fakeApp(() => Promise.resolve());
    exitOnSignals(running, exit, new EventEmitter());
    await settled();
    expect(running.close).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
  });
});
