import { aForwarder } from '../builders';
import { eventsForwarderContract } from '../contracts/events-forwarder.contract';
import { InMemoryEventsForwarder } from './in-memory-events-forwarder';

describe('InMemoryEventsForwarder', () => {
  const forwarder = new InMemoryEventsForwarder();
  const address = 'receiver:9090';

  eventsForwarderContract(() => ({
    forwarder,
    address,
    unreachableAddress: 'nobody:9090',
    calls: () => forwarder.receiverAt(address).calls,
    answer: (code, message) => Object.assign(forwarder.receiverAt(address), { code, message }),
    refuse: (status) => void (forwarder.receiverAt(address).failWith = status),
    delay: (ms) => void (forwarder.receiverAt(address).delayMs = ms),
    reset: () => {
      const receiver = forwarder.receiverAt(address);
      Object.assign(receiver, { code: 200, message: 'ok', failWith: undefined, delayMs: 0 });
      receiver.calls.length = 0;
    },
  }));

  it('copies what it hands to a receiver', async () => {
    const fake = new InMemoryEventsForwarder();
    const receiver = fake.receiverAt('a:1');
    const metadata = { roomType: 'green' };
    await fake.forwardPlayerEvent(aForwarder({ address: 'a:1' }), { playerId: 'p', room: { game: 'g', roomId: 'r' }, eventType: 0, metadata });
    metadata.roomType = 'changed';
    expect(receiver.calls).toEqual([
      { rpc: 'SendPlayerEvent', request: { playerId: 'p', room: { game: 'g', roomId: 'r' }, eventType: 0, metadata: { roomType: 'green' } } },
    ]);
  });
});
