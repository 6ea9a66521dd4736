import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../app';
import { aDecision, aFleetApi } from '../testing/fixtures';
import { describePolicy, roomsSeen } from './autoscaling-decisions';

describe('the autoscaling decisions panel', () => {
  beforeEach(() => {
    window.location.hash = '#/schedulers/arena';
  });

  it('lists each decision with its rooms, target, limits, action and reason', async () => {
    render(<App fetcher={aFleetApi().fetch} />);
    const panel = await screen.findByRole('region', { name: 'Autoscaling decisions' });
    const row = (await within(panel).findByText('3 of 10 rooms ready, readyTarget 0.5 wants 14, capped by max 12: +2')).closest('tr')!;
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(1)).toEqual(['3 ready, 7 occupied', '10 → 12', 'max', '+2 op-2', '3 of 10 rooms ready, readyTarget 0.5 wants 14, capped by max 12: +2']);
    expect(within(panel).getByText(/^roomOccupancy readyTarget 0\.5, downThreshold 0\.99 · min 1 · max 12 · cooldown 0 s$/)).toBeDefined();
    expect(screen.queryByText(/appear here once the system records them/)).toBeNull();
  });

  it("opens the operation a decision enqueued in the timeline through the action's link", async () => {
    const user = userEvent.setup();
    render(<App fetcher={aFleetApi().fetch} />);
    const link = await screen.findByRole('link', { name: 'Operation op-2' });
    expect(link.getAttribute('href')).toBe('#/schedulers/arena/operations/op-2');
    await user.click(link);
    await waitFor(() => expect(window.location.hash).toBe('#/schedulers/arena/operations/op-2'));
    const entry = await waitFor(() => {
      const li = document.querySelector('ol.timeline li[data-operation="op-2"] details');
      expect(li?.hasAttribute('open')).toBe(true);
      return li!;
    });
    expect(document.activeElement).toBe(entry.querySelector('summary'));
  });

  it('follows new decisions as the page polls', async () => {
    let reads = 0;
    const api = aFleetApi().on('GET', '/schedulers/arena/autoscaling/decisions\\?limit=20', () => {
      reads++;
      const newer = aDecision({
        at: '2026-01-02T11:03:00Z',
        operationId: 'hc-2',
        action: { kind: 'none', amount: 0, operationId: null },
        reason: '10 rooms, as wanted',
      });
      return { body: { decisions: reads > 1 ? [newer, aDecision()] : [aDecision()] } };
    });
    render(<App fetcher={api.fetch} />);
    await screen.findByText(/capped by max 12/);
    expect(await screen.findByText('10 rooms, as wanted', undefined, { timeout: 6_000 })).toBeDefined();
    expect(screen.getByText('10 rooms, as wanted').closest('tr')?.getAttribute('data-action')).toBe('none');
  });

  it('says when no decision is recorded yet', async () => {
    render(<App fetcher={aFleetApi().on('GET', '/schedulers/arena/autoscaling/decisions\\?limit=20', { body: { decisions: [] } }).fetch} />);
    expect(await screen.findByText(/No decision yet/)).toBeDefined();
  });
});

describe('roomsSeen', () => {
  it('names the statuses that have rooms, or says there are none', () => {
    expect(roomsSeen({ ready: 0, occupied: 2, pending: 1, terminating: 0, error: 0 })).toBe('2 occupied, 1 pending');
    expect(roomsSeen({ ready: 0, occupied: 0, pending: 0, terminating: 0, error: 0 })).toBe('no rooms');
  });
});

describe('describePolicy', () => {
  it('names the known parameters, and no upper limit for max -1', () => {
    expect(describePolicy({ type: 'fixedBuffer', min: 5, max: -1, cooldown: 300, parameters: { fixedBuffer: { amount: 15 } } })).toBe(
      'fixedBuffer amount 15 · min 5 · max none · cooldown 300 s',
    );
    expect(describePolicy({ type: 'roomsReplicas', parameters: {} })).toBe('roomsReplicas');
  });

  it('shows the JSON of a policy it does not know, such as a schedule of policies', () => {
    const parameters = { schedule: { timezone: 'UTC', entries: [{ cron: '0 18 * * *', duration: '4h' }], default: { type: 'fixedBuffer' } } };
    expect(describePolicy({ type: 'schedule', min: 1, max: 9, parameters })).toBe(`schedule ${JSON.stringify(parameters)} · min 1 · max 9`);
    expect(describePolicy({ type: 'webhook', parameters: { webhook: { url: 'http://hook', timeout: 2 } } })).toBe('webhook url http://hook, timeout 2');
  });
});
