import { anOperation, aScheduler } from '@maestro/testing';
import { silentLogger } from '../../ports/logger.port';
import type { ExecutionContext } from '../operation-executor';
import { AddRoomsExecutor } from './add-rooms.executor';

describe('AddRoomsExecutor', () => {
  async function run(amount: number, batchSize: number, failing: (n: number) => boolean = () => false) {
    let calls = 0;
    const roomManager = {
      createRoom: async () => {
        const n = calls++;
        if (failing(n)) throw new Error(`pod ${n} refused`);
        return {};
      },
    };
    const executor = new AddRoomsExecutor(
      { schedulers: { getScheduler: async () => aScheduler().build() }, roomManager } as never,
      { addRoomsLimit: 1000, addRoomsBatchSize: batchSize, addRoomTimeoutMs: 5_000 },
    );
    const history: string[] = [];
    const context = {
      operation: anOperation({ definitionName: 'add_rooms', input: { amount } }),
      signal: new AbortController().signal,
      logger: silentLogger,
      appendHistory: async (line: string) => void history.push(line),
    } as ExecutionContext;
    const outcome = await executor.execute(context).then(
      () => 'finished',
      (error: Error) => error.message,
    );
    return { calls, history, outcome };
  }

  it('shows its progress at each quarter when it takes several batches', async () => {
    const { calls, history, outcome } = await run(100, 10, (n) => n % 20 === 0);
    expect(calls).toBe(100);
    expect(outcome).toBe('finished');
    expect(history).toEqual(['created 30 of 100 rooms (2 failed)', 'created 50 of 100 rooms (3 failed)', 'created 80 of 100 rooms (4 failed)', 'added 100 rooms']);
  });

  it('writes only the final line for a single batch', async () => {
    expect((await run(40, 40)).history).toEqual(['added 40 rooms']);
  });

  it('fails when more rooms failed than succeeded, with the counts', async () => {
    const { history, outcome } = await run(10, 10, (n) => n < 6);
    expect(outcome).toBe('more rooms failed than succeeded');
    expect(history).toEqual(['more rooms failed than succeeded, errors: 6 and successes: 4 of amount: 10']);
  });
});
