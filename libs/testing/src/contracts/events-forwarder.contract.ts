import { EventForwardingError, type EventsForwarder, type Forwarder, type PlayerEventMessage, type RoomMessage } from '@maestro/domain';
import { aForwarder } from '../builders';

/** The gRPC statuses the contract has a receiver fail with, by their Go names. */
export type RefusalStatus = 'NotFound' | 'Internal' | 'PermissionDenied' | 'Unimplemented';

/** One EventsForwarder and a receiver (real or played) that answers as the test tells it. */
export interface EventsForwarderHarness {
  forwarder: EventsForwarder;
  /** Where the receiver listens. */
  address: string;
  /** An address nobody listens on. */
  unreachableAddress: string;
  /** The calls the receiver got since the last reset, in order. */
  calls(): { rpc: string; request: unknown }[];
  /** The receiver answers `Response{code, message}` from now on. */
  answer(code: number, message: string): void;
  /** The receiver fails every call with this gRPC status from now on. */
  refuse(status: RefusalStatus): void;
  /** The receiver takes this long to answer from now on. */
  delay(ms: number): void;
  /** Back to answering 200 at once, with no calls recorded. */
  reset(): void;
}

/**
 * The EventsForwarder port's contract, run against GrpcEventsForwarder with the real gRPC test
 * server of libs/testing and against the InMemoryEventsForwarder fake. `harness` is read in each test.
 */
export function eventsForwarderContract(harness: () => EventsForwarderHarness): void {
  describe('EventsForwarder contract', () => {
    const room = { game: 'g', roomId: 'r1', host: '10.0.0.1', port: 40001, metadata: { a: '1' }, roomType: 'green' };
    const roomEvent: RoomMessage = { rpc: 'SendRoomEvent', body: { room, eventType: 'custom' } };
    const playerEvent: PlayerEventMessage = { playerId: 'p1', room: { game: 'g', roomId: 'r1' }, eventType: 1, metadata: { roomType: 'green' } };
    const target = (overrides: Partial<Forwarder> = {}) =>
      aForwarder({ name: 'matchmaker', address: harness().address, options: { timeoutMs: 1_000, metadata: {} }, ...overrides });

    beforeEach(() => harness().reset());

    it('hands each message to the receiver with its RPC, in order', async () => {
      const h = harness();
      const messages: RoomMessage[] = [
        { rpc: 'SendRoomResync', body: { room, statusType: 1 } },
        { rpc: 'SendRoomStatus', body: { room, statusType: 3 } },
        roomEvent,
      ];
      for (const message of messages) await h.forwarder.forwardRoomEvent(target(), message);
      await h.forwarder.forwardPlayerEvent(target(), playerEvent);
      const calls = h.calls();
      expect(calls.map((call) => call.rpc)).toEqual(['SendRoomResync', 'SendRoomStatus', 'SendRoomEvent', 'SendPlayerEvent']);
      expect(calls.map((call) => call.request)).toEqual([
        ...messages.map((m) => expect.objectContaining(m.body)),
        expect.objectContaining({ playerId: 'p1', eventType: 1, metadata: { roomType: 'green' } }),
      ]);
    });

    it.each([
      [200, 'OK'],
      [404, 'NotFound'],
      [406, 'FailedPrecondition'],
      [500, 'Internal'],
      [302, 'Unknown'],
    ] as const)('resolves whatever the receiver answers: %d is %s, with its message', async (code, outcome) => {
      const h = harness();
      h.answer(code, 'from the receiver');
      await expect(h.forwarder.forwardRoomEvent(target(), roomEvent)).resolves.toEqual({ code, outcome, message: 'from the receiver' });
      await expect(h.forwarder.forwardPlayerEvent(target(), playerEvent)).resolves.toEqual({ code, outcome, message: 'from the receiver' });
    });

    it.each(['NotFound', 'Internal', 'PermissionDenied', 'Unimplemented'] as const)(
      'fails naming the forwarder and the gRPC status %s, without retrying',
      async (status) => {
        const h = harness();
        h.refuse(status);
        const sending = h.forwarder.forwardRoomEvent(target({ name: 'refusing' }), roomEvent);
        await expect(sending).rejects.toBeInstanceOf(EventForwardingError);
        await expect(sending).rejects.toMatchObject({
          message: `failed to forward event room at "refusing" with code ${status}`,
          failure: 'grpc_status',
          grpcCode: status,
          forwarderName: 'refusing',
        });
        await expect(h.forwarder.forwardPlayerEvent(target({ name: 'refusing' }), playerEvent)).rejects.toMatchObject({ grpcCode: status });
        expect(h.calls()).toHaveLength(2);
      },
    );

    it('fails with DeadlineExceeded once the forwarder timeout passes before the answer', async () => {
      const h = harness();
      h.delay(2_000);
      const started = Date.now();
      await expect(h.forwarder.forwardRoomEvent(target({ options: { timeoutMs: 200, metadata: {} } }), roomEvent)).rejects.toMatchObject({
        message: 'failed to forward event room at "matchmaker" with code DeadlineExceeded',
        grpcCode: 'DeadlineExceeded',
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(h.calls()).toHaveLength(1);
    });

    it('waits for a receiver that answers within the timeout', async () => {
      const h = harness();
      h.delay(50);
      await expect(h.forwarder.forwardRoomEvent(target({ options: { timeoutMs: 1_000, metadata: {} } }), roomEvent)).resolves.toMatchObject({ outcome: 'OK' });
    });

    it('fails with Unavailable for an address nobody listens on', async () => {
      const h = harness();
      const gone = target({ name: 'gone', address: h.unreachableAddress, options: { timeoutMs: 2_000, metadata: {} } });
      await expect(h.forwarder.forwardPlayerEvent(gone, playerEvent)).rejects.toMatchObject({
        message: 'failed to forward event room at "gone" with code Unavailable',
        grpcCode: 'Unavailable',
      });
      expect(h.calls()).toEqual([]);
    });

    it('fails to connect without an address', async () => {
      const h = harness();
      const sending = h.forwarder.forwardRoomEvent(target({ name: 'nowhere', address: '' }), roomEvent);
      await expect(sending).rejects.toBeInstanceOf(EventForwardingError);
      await expect(sending).rejects.toMatchObject({ failure: 'connect', forwarderName: 'nowhere', message: expect.stringMatching(/^failed to connect at : /) });
    });
  });
}
