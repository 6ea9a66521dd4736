import type { CancellationRequest, OperationCancellation } from '@maestro/domain';
import { waitFor } from '../wait-for';

/**
 * The OperationCancellation port's contract, run against the Redis adapter and the in-memory fake.
 * `cancellation()` answers the implementation under test; operation ids are unique per test.
 */
export function operationCancellationContract(cancellation: () => OperationCancellation): void {
  describe('OperationCancellation contract', () => {
    let tests = 0;
    let prefix = '';
    const heard = () => {
      const requests: CancellationRequest[] = [];
      return { requests, handler: (request: CancellationRequest) => void requests.push(request), ids: () => requests.map((r) => r.operationId) };
    };

    beforeEach(() => {
      prefix = `cancel-contract-${++tests}`;
    });

    it('hands every request to every subscriber, as published', async () => {
      const first = heard();
      const second = heard();
      const stopFirst = await cancellation().subscribe(first.handler);
      const stopSecond = await cancellation().subscribe(second.handler);
      try {
        await cancellation().requestCancellation({ schedulerName: 'game', operationId: `${prefix}-op` });
        await waitFor(() => first.requests.length === 1 && second.requests.length === 1, { description: 'both subscribers served' });
        expect(first.requests).toEqual([{ schedulerName: 'game', operationId: `${prefix}-op` }]);
        expect(second.requests).toEqual(first.requests);
      } finally {
        await stopFirst();
        await stopSecond();
      }
    });

    it('hands the requests in the order they were published', async () => {
      const subscriber = heard();
      const stop = await cancellation().subscribe(subscriber.handler);
      try {
        for (const n of [1, 2, 3]) await cancellation().requestCancellation({ schedulerName: `game-${n}`, operationId: `${prefix}-${n}` });
        await waitFor(() => subscriber.requests.length === 3, { description: 'three requests' });
        expect(subscriber.ids()).toEqual([`${prefix}-1`, `${prefix}-2`, `${prefix}-3`]);
      } finally {
        await stop();
      }
    });

    it('hands a subscriber only the requests published after it subscribed', async () => {
      await cancellation().requestCancellation({ schedulerName: 'game', operationId: `${prefix}-before` });
      const subscriber = heard();
      const stop = await cancellation().subscribe(subscriber.handler);
      try {
        await cancellation().requestCancellation({ schedulerName: 'game', operationId: `${prefix}-after` });
        await waitFor(() => subscriber.requests.length > 0, { description: 'the request after subscribing' });
        expect(subscriber.ids().filter((id) => id.startsWith(prefix))).toEqual([`${prefix}-after`]);
      } finally {
        await stop();
      }
    });

    it('hands nothing more to a subscriber once it unsubscribed', async () => {
      const gone = heard();
      const staying = heard();
      const stopGone = await cancellation().subscribe(gone.handler);
      const stopStaying = await cancellation().subscribe(staying.handler);
      try {
        await stopGone();
        await cancellation().requestCancellation({ schedulerName: 'game', operationId: `${prefix}-late` });
        await waitFor(() => staying.requests.length === 1, { description: 'the subscriber that stayed served' });
        expect(gone.requests).toEqual([]);
      } finally {
        await stopStaying();
      }
    });
  });
}
