import { loggerContract } from '../contracts/logger.contract';
import { RecordingLogger } from './recording-logger';

describe('RecordingLogger', () => {
  loggerContract(() => {
    const logger = new RecordingLogger();
    return { logger, lines: () => logger.lines };
  });

  it('lists the messages of one level', () => {
    const logger = new RecordingLogger();
    logger.info('a');
    logger.child({ x: 1 }).warn('b');
    logger.warn('c');
    expect(logger.messages('warn')).toEqual(['b', 'c']);
    expect(logger.messages()).toEqual(['a', 'b', 'c']);
  });
});
