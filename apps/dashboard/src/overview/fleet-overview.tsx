import { useId, useMemo, useState } from 'react';
import { useApp } from '../app-context';
import { ErrorNotice } from '../components/error-notice';
import { usePolling } from '../hooks/use-polling';
import { schedulerHref } from '../hooks/use-route';
import { describeTarget, filterFleet, loadFleet } from './fleet';
import { actualRooms } from './room-counts';
import { RoomsBar } from './rooms-bar';

/** How often the overview reads the fleet again (the issue asks for at most 2 s). */
export const FLEET_POLL_MS = 2_000;

/** Every scheduler at a glance, filtered by game and name, updated live. */
export function FleetOverview() {
  const { client } = useApp();
  const fleet = usePolling(() => loadFleet(client), FLEET_POLL_MS, [client]);
  const [game, setGame] = useState('');
  const [name, setName] = useState('');
  const gameId = useId();
  const nameId = useId();
  const rows = fleet.data ?? [];
  const games = useMemo(() => [...new Set(rows.map((r) => r.game))].sort(), [rows]);
  const shown = filterFleet(rows, game, name);
  const widest = Math.max(1, ...shown.map((r) => r.rooms.ready + r.rooms.occupied + r.rooms.pending + r.rooms.terminating));

  return (
    <section aria-labelledby="fleet-title">
      <h1 id="fleet-title">Schedulers</h1>
      <div className="filters grid">
        <label htmlFor={gameId}>
          Game
          <select id={gameId} value={game} onChange={(event) => setGame(event.target.value)}>
            <option value="">All games</option>
            {games.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={nameId}>
          Name
          <input id={nameId} type="search" value={name} placeholder="Filter by name" onChange={(event) => setName(event.target.value)} />
        </label>
      </div>
      <ErrorNotice error={fleet.error} />
      {fleet.data && shown.length === 0 && <p>No scheduler matches.</p>}
      {shown.length > 0 && (
        <div className="table-scroll">
          <table className="striped fleet">
            <thead>
              <tr>
                <th scope="col">Scheduler</th>
                <th scope="col">Game</th>
                <th scope="col">State</th>
                <th scope="col">Version</th>
                <th scope="col">Rooms</th>
                <th scope="col">Actual / target</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.name} data-scheduler={row.name}>
                  <th scope="row">
                    <a href={schedulerHref(row.name)}>{row.name}</a>
                  </th>
                  <td>{row.game}</td>
                  <td>
                    <span className={`state state-${row.state}`}>{row.state}</span>
                  </td>
                  <td>{row.version}</td>
                  <td className="bar-cell">
                    <RoomsBar counts={row.rooms} max={widest} />
                  </td>
                  <td data-testid="target">
                    {actualRooms(row.rooms)} / {describeTarget(row)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
