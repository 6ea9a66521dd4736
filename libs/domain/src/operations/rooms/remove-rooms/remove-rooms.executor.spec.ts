import { aGameRoom, anOperation, aScheduler } from '@maestro/testing';
import type { GameRoom, RoomStatus } from '../../../entities/game-room';
import { silentLogger } from '../../../ports/logger.port';
import type { ExecutionContext } from '../../operation-executor';
import { removeRoomsDefinition, type RemoveRoomsInput } from './remove-rooms.definition';
import { RemoveRoomsExecutor } from './remove-rooms.executor';

describe('RemoveRoomsExecutor', () => {
  const scheduler = aScheduler().withName('game').withVersion('v1.0.0').build();
  const rooms = new Map<string, GameRoom>([
    ['err-1', aGameRoom({ id: 'err-1', schedulerId: 'game', status: 'error', version: 'v1.0.0', metadata: { matchId: 'm-err' } })],
    ['ready-1', aGameRoom({ id: 'ready-1', schedulerId: 'game', status: 'ready', version: 'v1.0.0', metadata: null })],
  ]);
  const roomStorage = {
    getRoomIdsByStatus: async (_: string, status: RoomStatus) => [...rooms.values()].filter((r) => r.status === status).map((r) => r.id),
    getRoomIdsByLastPing: async () => [],
    findRoom: async (): Promise<GameRoom> => {
      throw new Error('one round trip per room');
    },
    findRooms: async (_: string, ids: string[]) => (reads.push(ids), ids.map((id) => rooms.get(id))),
  };
  const reads: string[][] = [];
  beforeEach(() => (reads.length = 0));

  async function run(input: RemoveRoomsInput) {
    const deleted: { id: string; reason: string; storedMetadata: unknown }[] = [];
    const roomManager = {
      deleteRoom: async (_: unknown, id: string, reason: string, storedMetadata?: unknown) => void deleted.push({ id, reason, storedMetadata }),
    };
    const executor = new RemoveRoomsExecutor(
      { lookup: { get: async () => scheduler }, rooms: roomStorage, roomManager, clock: { now: () => new Date() } } as never,
      { removeRoomsLimit: 50, roomPingTimeoutMs: 240_000 },
    );
    const history: string[] = [];
    const context: ExecutionContext<RemoveRoomsInput> = {
      operation: anOperation({ schedulerName: 'game', definitionName: 'remove_rooms', input: removeRoomsDefinition.toJson(input) }),
      input,
      signal: new AbortController().signal,
      logger: silentLogger,
      appendHistory: async (line: string) => void history.push(line),
    };
    const result = await executor.execute(context);
    return { deleted, history, result };
  }

  it('hands the stored metadata of rooms chosen by amount to their deletion (the "terminated" event carries it)', async () => {
    const { deleted, history } = await run({ amount: 2, rooms_ids: null, reason: 'scale_down' });
    expect(deleted).toEqual([
      { id: 'err-1', reason: 'scale_down', storedMetadata: { matchId: 'm-err' } },
      { id: 'ready-1', reason: 'scale_down', storedMetadata: null },
    ]);
    expect(history).toEqual(['removed 2 rooms']);
  });

  it('reads the rooms it chooses from in one batched read', async () => {
    await run({ amount: 1, rooms_ids: null, reason: 'scale_down' });
    expect(reads).toEqual([['err-1', 'ready-1']]);
  });

  it('deletes rooms named by id without reading them (no stored metadata)', async () => {
    const { deleted, history } = await run({ amount: 0, rooms_ids: ['err-1'], reason: 'expired_room' });
    expect(deleted).toEqual([{ id: 'err-1', reason: 'expired_room', storedMetadata: undefined }]);
    expect(history).toEqual(['removed rooms: [err-1]']);
  });

  it('caps the amount at the removal limit and writes the capped amount back', async () => {
    const { result } = await run({ amount: 500, rooms_ids: null, reason: 'scale_down' });
    expect(result.input).toEqual({ amount: 50, rooms_ids: null, reason: 'scale_down' });
  });
});
