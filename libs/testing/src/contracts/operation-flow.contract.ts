import type { OperationConsumer, OperationFlow } from '@maestro/domain';
import { waitFor } from '../wait-for';

/** A gate a handler waits at until the test opens it. */
function aGate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * The OperationFlow and OperationConsumer ports' contract (one queue seen from both sides), run
 * against the Bull adapter and the in-memory fake. `flow()` answers the implementation under test;
 * scheduler names are unique per test, and every test releases the queues it consumed.
 */
export function operationFlowContract(flow: () => OperationFlow & OperationConsumer): void {
  describe('OperationFlow and OperationConsumer contract', () => {
    let names = 0;
    const aName = () => `flow-contract-${++names}`;
    const pending = (s: string) => flow().listPendingOperationIds(s);
    const drained = (s: string) => waitFor(async () => (await pending(s)).length === 0, { description: `the queue of ${s} empty` });

    it('lists normal ids in insertion order after the priority ids, the last priority first', async () => {
      const s = aName();
      await flow().insertOperationId(s, 'a');
      await flow().insertOperationId(s, 'b');
      await flow().insertPriorityOperationId(s, 'p1');
      await flow().insertPriorityOperationId(s, 'p2');
      expect(await pending(s)).toEqual(['p2', 'p1', 'a', 'b']);
      expect(await pending(aName())).toEqual([]);
    });

    it('does not queue an id twice', async () => {
      const s = aName();
      await flow().insertOperationId(s, 'a');
      await flow().insertOperationId(s, 'b');
      await flow().insertOperationId(s, 'a');
      await flow().insertPriorityOperationId(s, 'b');
      expect(await pending(s)).toEqual(['a', 'b']);
    });

    it('removes a waiting id, and ignores an id it does not have', async () => {
      const s = aName();
      for (const id of ['a', 'b', 'c']) await flow().insertOperationId(s, id);
      await flow().removeOperationId(s, 'b');
      await flow().removeOperationId(s, 'unknown');
      expect(await pending(s)).toEqual(['a', 'c']);
    });

    it('tells whether an id is queued: waiting or being delivered, and no longer once its delivery ended or it was removed', async () => {
      const s = aName();
      const gate = aGate();
      const delivered: string[] = [];
      for (const id of ['first', 'second', 'removed']) await flow().insertOperationId(s, id);
      await flow().removeOperationId(s, 'removed');
      expect(await flow().isQueued(s, 'first')).toBe(true);
      expect(await flow().isQueued(s, 'removed')).toBe(false);
      expect(await flow().isQueued(s, 'never')).toBe(false);
      expect(await flow().isQueued(aName(), 'first')).toBe(false);
      flow().consume(s, async (id) => {
        delivered.push(id);
        if (id === 'first') await gate.opened;
      });
      try {
        await waitFor(() => delivered.length === 1, { description: 'first delivered' });
        expect(await flow().isQueued(s, 'first')).toBe(true);
        expect(await flow().isQueued(s, 'second')).toBe(true);
        gate.open();
        await drained(s);
        expect(await flow().isQueued(s, 'first')).toBe(false);
        expect(await flow().isQueued(s, 'second')).toBe(false);
      } finally {
        gate.open();
        await flow().release(s);
      }
    });

    it('delivers one id at a time in queue order, a priority id inserted meanwhile next, the delivered one listed first', async () => {
      const s = aName();
      const delivered: string[] = [];
      let running = 0;
      let overlapped = false;
      const gate = aGate();
      for (const id of ['x1', 'x2', 'x3']) await flow().insertOperationId(s, id);
      flow().consume(s, async (id) => {
        running += 1;
        overlapped ||= running > 1;
        delivered.push(id);
        if (id === 'x1') await gate.opened;
        running -= 1;
      });
      try {
        await waitFor(() => delivered.length === 1, { description: 'x1 delivered' });
        await flow().insertPriorityOperationId(s, 'urgent');
        expect(await pending(s)).toEqual(['x1', 'urgent', 'x2', 'x3']);
        // The delivered id belongs to its handler: it is not taken out of the queue.
        await flow().removeOperationId(s, 'x1');
        expect(await pending(s)).toEqual(['x1', 'urgent', 'x2', 'x3']);
        gate.open();
        await waitFor(() => delivered.length === 4, { description: 'four deliveries' });
        expect(delivered).toEqual(['x1', 'urgent', 'x2', 'x3']);
        expect(overlapped).toBe(false);
        await drained(s);
      } finally {
        gate.open();
        await flow().release(s);
      }
    });

    it('delivers what is inserted after consuming began, and an id again once its delivery ended', async () => {
      const s = aName();
      const delivered: string[] = [];
      flow().consume(s, async (id) => void delivered.push(id));
      try {
        await flow().insertOperationId(s, 'again');
        await waitFor(() => delivered.length === 1, { description: 'the first delivery' });
        await drained(s);
        await flow().insertOperationId(s, 'again');
        await waitFor(() => delivered.length === 2, { description: 'the second delivery' });
        expect(delivered).toEqual(['again', 'again']);
      } finally {
        await flow().release(s);
      }
    });

    it('goes on delivering after a handler failed', async () => {
      const s = aName();
      const delivered: string[] = [];
      await flow().insertOperationId(s, 'bad');
      await flow().insertOperationId(s, 'good');
      flow().consume(s, async (id) => {
        delivered.push(id);
        if (id === 'bad') throw new Error('handler failed');
      });
      try {
        await waitFor(() => delivered.length === 2, { description: 'both deliveries' });
        expect(delivered).toEqual(['bad', 'good']);
        await drained(s);
      } finally {
        await flow().release(s);
      }
    });

    it('refuses a second consumer of a queue this process consumes, the first one keeping it', async () => {
      const s = aName();
      const first: string[] = [];
      flow().consume(s, async (id) => void first.push(id));
      try {
        expect(() => flow().consume(s, async () => undefined)).toThrow();
        await flow().insertOperationId(s, 'op');
        await waitFor(() => first.length === 1, { description: 'the delivery to the first consumer' });
      } finally {
        await flow().release(s);
      }
    });

    it('releases a queue once the delivery in progress has ended, then delivers nothing more', async () => {
      const s = aName();
      const events: string[] = [];
      const gate = aGate();
      await flow().insertOperationId(s, 'running');
      flow().consume(s, async (id) => {
        events.push(`start ${id}`);
        await gate.opened;
        events.push(`end ${id}`);
      });
      await waitFor(() => events.length === 1, { description: 'the delivery in progress' });
      const releasing = flow()
        .release(s)
        .then(() => void events.push('released'));
      await flow().insertOperationId(s, 'after-release');
      gate.open();
      await releasing;
      expect(events).toEqual(['start running', 'end running', 'released']);
      expect(await pending(s)).toEqual(['after-release']);
    });

    it('delivers the waiting ids to a consumer that comes after a release', async () => {
      const s = aName();
      flow().consume(s, async () => undefined);
      await flow().release(s);
      await flow().insertOperationId(s, 'waited');
      const delivered: string[] = [];
      flow().consume(s, async (id) => void delivered.push(id));
      try {
        await waitFor(() => delivered.length === 1, { description: 'the waiting id delivered' });
        expect(delivered).toEqual(['waited']);
      } finally {
        await flow().release(s);
      }
    });

    it('tells a watcher the scheduler of every insertion from now on, and nothing once stopped', async () => {
      const [before, a, b, after] = [aName(), aName(), aName(), aName()];
      await flow().insertOperationId(before, 'w0');
      const heard: string[] = [];
      const stop = await flow().watchInsertions((name) => heard.push(name));
      const mine = () => heard.filter((name) => [before, a, b, after].includes(name));
      try {
        await flow().insertOperationId(a, 'w1');
        await flow().insertPriorityOperationId(b, 'w2');
        await waitFor(() => mine().length === 2, { description: 'both insertions heard' });
        expect(mine()).toEqual([a, b]);
      } finally {
        await stop();
      }
      await flow().insertOperationId(after, 'w3');
      expect(await pending(after)).toEqual(['w3']);
      expect(mine()).toEqual([a, b]);
    });
  });
}
