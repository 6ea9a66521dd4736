import type { Logger } from '@maestro/domain';
import type { LoggedLine } from '../fakes/recording-logger';

/** A Logger writing at every level, and the lines it wrote so far, read back. */
export interface LoggerHarness {
  logger: Logger;
  lines(): LoggedLine[];
}

/**
 * The Logger port's contract, run against the pino adapter and the RecordingLogger fake. `harness()`
 * answers a fresh logger at debug level with nothing written yet.
 */
export function loggerContract(harness: () => LoggerHarness): void {
  describe('Logger contract', () => {
    it('writes each level with its message and fields', () => {
      const h = harness();
      h.logger.debug('tick', { attempt: 1 });
      h.logger.info('synced', { scheduler_name: 'game' });
      h.logger.warn('slow', { elapsed_ms: 120 });
      h.logger.error('failed', { error: 'boom' });
      expect(h.lines()).toEqual([
        { level: 'debug', msg: 'tick', fields: { attempt: 1 } },
        { level: 'info', msg: 'synced', fields: { scheduler_name: 'game' } },
        { level: 'warn', msg: 'slow', fields: { elapsed_ms: 120 } },
        { level: 'error', msg: 'failed', fields: { error: 'boom' } },
      ]);
    });

    it('writes a line without fields', () => {
      const h = harness();
      h.logger.info('started');
      expect(h.lines()).toEqual([{ level: 'info', msg: 'started', fields: {} }]);
    });

    it("gives children that add their fields to every line, their parents' fields included", () => {
      const h = harness();
      const scheduler = h.logger.child({ scheduler_name: 'game' });
      const operation = scheduler.child({ operation_id: 'op-1' });
      operation.warn('operation stalled', { attempt: 2 });
      scheduler.info('scheduler synced');
      expect(h.lines()).toEqual([
        { level: 'warn', msg: 'operation stalled', fields: { scheduler_name: 'game', operation_id: 'op-1', attempt: 2 } },
        { level: 'info', msg: 'scheduler synced', fields: { scheduler_name: 'game' } },
      ]);
    });

    it('leaves the parent without the fields of its children', () => {
      const h = harness();
      h.logger.child({ room_id: 'r-1' });
      h.logger.error('unrelated');
      expect(h.lines()).toEqual([{ level: 'error', msg: 'unrelated', fields: {} }]);
    });
  });
}
