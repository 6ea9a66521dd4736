import { describe, expect, it } from 'vitest';
import { createManagementClient } from '../api/client';
import { FakeApi } from '../testing/fake-api';
import { loadTimeline } from './operations-timeline';

describe('loadTimeline', () => {
  const op = (id: string, status: string, createdAt: string) => ({ id, status, definitionName: 'add_rooms', schedulerName: 'arena', createdAt });

  it('lists an operation seen in two stages once, in its later stage, newest first', async () => {
    // A cancelled operation can still be in the active list (its lease not yet revoked) when the final one is read.
    const api = new FakeApi()
      .on('GET', '/schedulers/arena/operations\\?stage=pending', { body: { operations: [op('new', 'pending', '2026-01-02T10:00:03Z')] } })
      .on('GET', '/schedulers/arena/operations\\?stage=active', { body: { operations: [op('moving', 'in_progress', '2026-01-02T10:00:02Z')] } })
      .on('GET', '/schedulers/arena/operations\\?stage=final.*', {
        body: {
          page: 1,
          pageSize: 20,
          total: 2,
          operations: [op('moving', 'canceled', '2026-01-02T10:00:02Z'), op('old', 'finished', '2026-01-02T10:00:01Z')],
        },
      });

    const timeline = await loadTimeline(createManagementClient(undefined, api.fetch), 'arena');

    expect(timeline.map((item) => [item.id, item.status, item.stage])).toEqual([
      ['new', 'pending', 'pending'],
      ['moving', 'canceled', 'final'],
      ['old', 'finished', 'final'],
    ]);
  });
});
