import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from './app';
import { aFleetApi, aToken } from './testing/fixtures';

describe('the dashboard', () => {
  beforeEach(() => {
    window.location.hash = '';
  });

  it('opens on the fleet overview when authentication is off, and filters it by game and name', async () => {
    const user = userEvent.setup();
    render(<App fetcher={aFleetApi().fetch} />);
    expect(await screen.findByRole('link', { name: 'arena' })).toBeDefined();
    expect(screen.getByRole('link', { name: 'lobby' })).toBeDefined();
    expect(screen.getByText('authentication off')).toBeDefined();
    expect(screen.getAllByRole('img', { name: 'Rooms: 1 ready, 1 occupied, 0 pending, 0 terminating' })).toHaveLength(1);

    await user.selectOptions(screen.getByLabelText('Game'), 'chess');
    expect(screen.queryByRole('link', { name: 'arena' })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Game'), '');
    await user.type(screen.getByLabelText('Name'), 'are');
    expect(screen.queryByRole('link', { name: 'lobby' })).toBeNull();
    expect(screen.getByRole('link', { name: 'arena' })).toBeDefined();
  });

  it('asks for a token, keeps it in the session and sends it with every call', async () => {
    const user = userEvent.setup();
    const api = aFleetApi(aToken({ name: 'on-call', role: 'operator' }));
    render(<App fetcher={api.fetch} />);
    await user.type(await screen.findByLabelText('Token'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This token is not valid.');

    await user.clear(screen.getByLabelText('Token'));
    await user.type(screen.getByLabelText('Token'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('link', { name: 'arena' })).toBeDefined();
    expect(screen.getByText('on-call (operator)')).toBeDefined();
    expect(sessionStorage.getItem('maestro.dashboard.token')).toBe('secret');
    const apiCalls = api.requests.filter((r) => r.path.startsWith('/schedulers'));
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls.every((r) => r.headers.get('authorization') === 'Bearer secret')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('Token')).toBeDefined();
    expect(sessionStorage.getItem('maestro.dashboard.token')).toBeNull();
  });

  it("disables every action a viewer's token does not allow", async () => {
    sessionStorage.setItem('maestro.dashboard.token', 'secret');
    window.location.hash = '#/schedulers/arena';
    render(<App fetcher={aFleetApi(aToken({ role: 'viewer' })).fetch} />);
    const scale = await screen.findByRole('button', { name: 'Scale' });
    expect(scale.hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'New version' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Delete' }).hasAttribute('disabled')).toBe(true);
    expect((await screen.findByRole('button', { name: 'Switch to v1.0.0' })).hasAttribute('disabled')).toBe(true);
    expect((await screen.findByRole('button', { name: 'Cancel add_rooms op-2' })).hasAttribute('disabled')).toBe(true);
  });

  it('lets an operator scale but not delete, after a confirmation', async () => {
    const user = userEvent.setup();
    sessionStorage.setItem('maestro.dashboard.token', 'secret');
    window.location.hash = '#/schedulers/arena';
    const api = aFleetApi(aToken({ role: 'operator', games: ['shooter'] })).on('PATCH', '/schedulers/arena', { body: { operationId: 'op-9' } });
    render(<App fetcher={api.fetch} />);
    expect((await screen.findByRole('button', { name: 'Delete' })).hasAttribute('disabled')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Scale' }));
    const dialog = screen.getByRole('dialog', { name: 'Scale arena' });
    const replicas = within(dialog).getByLabelText('Rooms (replicas)');
    expect(document.activeElement).toBe(replicas);
    await user.clear(replicas);
    await user.type(replicas, '5');
    await user.click(within(dialog).getByRole('button', { name: 'Scale' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ roomsReplicas: 5 });
  });

  it('deletes only once the name is typed, and closes a dialog with Escape', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/schedulers/arena';
    const api = aFleetApi().on('DELETE', '/schedulers/arena', { body: { operationId: 'op-d' } });
    render(<App fetcher={api.fetch} />);
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete arena' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete scheduler' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    await user.type(within(dialog).getByLabelText(/to confirm/), 'arena');
    await user.click(confirm);
    await waitFor(() => expect(window.location.hash).toBe('#/'));
    expect(api.requests.some((r) => r.method === 'DELETE' && r.path === '/schedulers/arena')).toBe(true);
  });

  it('shows an API error inside the confirmation', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/schedulers/arena';
    const api = aFleetApi().on('PUT', '/schedulers/arena', { status: 403, body: { code: 7, message: 'permission denied' } });
    render(<App fetcher={api.fetch} />);
    await user.click(await screen.findByRole('button', { name: 'Switch to v1.0.0' }));
    await user.click(screen.getByRole('button', { name: 'Switch version' }));
    expect((await within(screen.getByRole('dialog')).findByRole('alert')).textContent).toBe('permission denied');
  });

  it('previews a new version as minor or major before sending it', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/schedulers/arena';
    render(<App fetcher={aFleetApi().fetch} />);
    await user.click(await screen.findByRole('button', { name: 'New version' }));
    const text = screen.getByLabelText('Scheduler (YAML or JSON)');
    expect(screen.getByText('Minor change: expected v1.2.0.')).toBeDefined();
    await user.clear(text);
    await user.click(text);
    await user.paste('{"spec": {"terminationGracePeriod": "5s", "containers": []}}');
    expect(screen.getByText('Major change: expected v2.0.0, replacing every room.')).toBeDefined();
  });

  it('opens an operation on its execution history, where its error is told', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/schedulers/arena';
    render(<App fetcher={aFleetApi().fetch} />);
    await user.click(await screen.findByText('create_new_scheduler_version'));
    expect(await screen.findByText(/validation room failed: crash loop/)).toBeDefined();
  });

  it('sorts the rooms table from its column headers', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/schedulers/arena';
    render(<App fetcher={aFleetApi().fetch} />);
    await screen.findByRole('rowheader', { name: 'arena-a' });
    const table = within(screen.getByRole('region', { name: /^Rooms \(/ }));
    const rooms = () => table.getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(rooms()).toEqual(['arena-a', 'arena-b']);
    await user.click(table.getByRole('button', { name: /^Room/ }));
    expect(rooms()).toEqual(['arena-b', 'arena-a']);
    expect(table.getByRole('columnheader', { name: /^Room/ }).getAttribute('aria-sort')).toBe('descending');
  });
});
