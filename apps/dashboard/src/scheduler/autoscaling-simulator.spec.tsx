import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../app';
import { aFleetApi, aScheduler, aSimulation, aToken } from '../testing/fixtures';
import { parseTrace } from './simulation-input';

const SIMULATE = '/schedulers/arena/autoscaling/simulate';
const ownPolicy = { enabled: true, min: 1, max: 8, cooldown: 0, policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5 } } } };

/** The fleet with an autoscaling arena whose simulations answer `answer`. */
const withSimulator = (answer: { status?: number; body: unknown }, token?: ReturnType<typeof aToken>) =>
  aFleetApi(token)
    .on('GET', '/schedulers/arena', { body: { scheduler: aScheduler('arena', { autoscaling: ownPolicy } as never) } })
    .on('POST', SIMULATE, answer);

/** The summaries table once shown: its column titles, and the text of a metric's row. */
async function summariesIn(panel: HTMLElement) {
  const table = within(await within(panel).findByRole('table'));
  return {
    columns: table.getAllByRole('columnheader').map((h) => h.textContent),
    row: (metric: RegExp) => table.getByRole('row', { name: metric }).textContent,
  };
}

describe('the autoscaling simulator panel', () => {
  beforeEach(() => {
    window.location.hash = '#/schedulers/arena';
  });

  it("simulates the scheduler's own policy over the last hour by default", async () => {
    const user = userEvent.setup();
    const api = withSimulator({ body: aSimulation({ roomHours: 1.25, peakRooms: 6 }) });
    render(<App fetcher={api.fetch} />);
    const panel = await screen.findByRole('region', { name: 'Try a policy' });
    expect(JSON.parse((within(panel).getByLabelText('Candidate 1: autoscaling (JSON)') as HTMLTextAreaElement).value)).toEqual(ownPolicy);
    await user.click(within(panel).getByRole('button', { name: 'Simulate' }));
    const summaries = await summariesIn(panel);
    expect(summaries.columns).toEqual(['Candidate', '1: roomOccupancy']);
    expect(summaries.row(/^Room-hours/)).toBe('Room-hours1.25');
    expect(summaries.row(/^Peak rooms/)).toBe('Peak rooms6');
    expect(within(panel).getByRole('img', { name: /^Candidate 1: roomOccupancy: 3 steps .* at most 6 desired$/ })).toBeDefined();
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ autoscaling: ownPolicy, since: '1h' });
  });

  it('compares added candidates side by side over the period picked', async () => {
    const user = userEvent.setup();
    const api = withSimulator({ body: { candidates: [aSimulation({ roomHours: 2, shortfallRoomMinutes: 9 }), aSimulation({ roomHours: 5 })] } });
    render(<App fetcher={api.fetch} />);
    const panel = await screen.findByRole('region', { name: 'Try a policy' });
    await user.selectOptions(within(panel).getByLabelText('Since'), '6h');
    await user.click(within(panel).getByRole('button', { name: 'Add candidate' }));
    const second = within(panel).getByLabelText('Candidate 2: autoscaling (JSON)');
    const buffer = { enabled: true, min: 2, max: 20, policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 4 } } } };
    await user.clear(second);
    await user.click(second);
    await user.paste(JSON.stringify(buffer));
    await user.click(within(panel).getByRole('button', { name: 'Simulate' }));
    const summaries = await summariesIn(panel);
    expect(summaries.columns).toEqual(['Candidate', '1: roomOccupancy', '2: fixedBuffer']);
    expect(summaries.row(/^Room-hours/)).toBe('Room-hours25');
    expect(summaries.row(/^Shortfall/)).toBe('Shortfall (room-minutes)90');
    expect(within(panel).getAllByRole('img', { name: /^Candidate \d/ })).toHaveLength(2);
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ candidates: [ownPolicy, buffer], since: '6h' });
  });

  it('replays a pasted trace with a given start-up time, and names a bad line before sending', async () => {
    const user = userEvent.setup();
    const api = withSimulator({ body: aSimulation() });
    render(<App fetcher={api.fetch} />);
    const panel = await screen.findByRole('region', { name: 'Try a policy' });
    await user.click(within(panel).getByLabelText('A pasted trace'));
    const trace = within(panel).getByLabelText(/^Trace/);
    await user.click(trace);
    await user.paste('at,occupied\n2026-01-02T10:00:00Z,3\nlater,4');
    await user.click(within(panel).getByRole('button', { name: 'Simulate' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe('Trace, line 3: "at" must be a time such as 2026-01-02T10:00:00Z');
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);

    await user.clear(trace);
    await user.click(trace);
    await user.paste('2026-01-02T10:00:00Z,3\n2026-01-02T10:05:00Z,4');
    await user.type(within(panel).getByLabelText(/^Room start-up/), '30');
    await user.click(within(panel).getByRole('button', { name: 'Simulate' }));
    await within(panel).findByRole('table');
    expect(within(panel).queryByRole('alert')).toBeNull();
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({
      autoscaling: ownPolicy,
      trace: [
        { at: '2026-01-02T10:00:00.000Z', occupied: 3 },
        { at: '2026-01-02T10:05:00.000Z', occupied: 4 },
      ],
      startupDelaySeconds: 30,
    });
  });

  it("shows the API's message naming the bad field", async () => {
    const user = userEvent.setup();
    const api = withSimulator({ status: 400, body: { code: 3, message: 'Autoscaling.Min: must be at least 0' } });
    render(<App fetcher={api.fetch} />);
    const panel = await screen.findByRole('region', { name: 'Try a policy' });
    await user.click(within(panel).getByRole('button', { name: 'Simulate' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe('Autoscaling.Min: must be at least 0');
  });

  it('lets a viewer simulate, and disables it for a token without the game', async () => {
    sessionStorage.setItem('maestro.dashboard.token', 'secret');
    const viewer = render(<App fetcher={withSimulator({ body: aSimulation() }, aToken({ role: 'viewer', games: ['shooter'] })).fetch} />);
    const allowed = await screen.findByRole('button', { name: 'Simulate' });
    expect(allowed.hasAttribute('disabled')).toBe(false);
    viewer.unmount();

    render(<App fetcher={withSimulator({ body: aSimulation() }, aToken({ role: 'operator', games: ['chess'] })).fetch} />);
    const denied = await screen.findByRole('button', { name: 'Simulate' });
    expect(denied.hasAttribute('disabled')).toBe(true);
    expect(screen.getByLabelText('Candidate 1: autoscaling (JSON)').matches(':disabled')).toBe(true);
    await waitFor(() => expect(screen.getByText(/does not allow simulations/)).toBeDefined());
  });
});

describe('parseTrace', () => {
  it('reads the JSON the simulator takes, and refuses a negative number of rooms', () => {
    expect(parseTrace('[{"at": "2026-01-02T10:00:00Z", "occupied": 2}]')).toEqual([{ at: '2026-01-02T10:00:00.000Z', occupied: 2 }]);
    expect(() => parseTrace('[{"at": "2026-01-02T10:00:00Z", "occupied": -1}]')).toThrow('Trace, point 1: "occupied" must be a whole number of rooms');
    expect(() => parseTrace('  ')).toThrow('Trace: paste occupied rooms over time');
  });
});
