import { useId, useState } from 'react';
import { unwrap } from '../api/client';
import type { components } from '../api/management-api';
import { useApp } from '../app-context';
import { ErrorNotice } from '../components/error-notice';
import { usePolling } from '../hooks/use-polling';

type Room = components['schemas']['RoomResponse'];
export type RoomColumn = 'id' | 'status' | 'version' | 'lastPingAt' | 'address' | 'runningMatches';

const COLUMNS: { key: RoomColumn; label: string }[] = [
  { key: 'id', label: 'Room' },
  { key: 'status', label: 'Status' },
  { key: 'version', label: 'Version' },
  { key: 'lastPingAt', label: 'Last ping' },
  { key: 'address', label: 'Host:port' },
  { key: 'runningMatches', label: 'Matches' },
];

export const addressOf = (room: Room): string => (room.host ? `${room.host}:${room.ports.map((p) => p.port).join(',') || '-'}` : '');

/** "12 s ago" from a ping time and now. */
export function pingAge(lastPingAt: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - new Date(lastPingAt).getTime()) / 1000));
  if (seconds < 120) return `${seconds} s ago`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min ago`;
  return `${Math.round(seconds / 3600)} h ago`;
}

/** Rooms sorted by a column (pings: most recent first when descending) and filtered by status and text. */
export function sortAndFilter(rooms: Room[], by: RoomColumn, descending: boolean, status: string, text: string): Room[] {
  const needle = text.trim().toLowerCase();
  const value = (room: Room): string | number => (by === 'address' ? addressOf(room) : by === 'lastPingAt' ? new Date(room.lastPingAt).getTime() : room[by]);
  return rooms
    .filter((r) => (!status || r.status === status) && (!needle || r.id.toLowerCase().includes(needle) || addressOf(r).includes(needle)))
    .sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
      return descending ? -order : order;
    });
}

/** The scheduler's rooms, live: a table sortable by every column, filtered by status and text. */
export function RoomsTable({ scheduler }: { scheduler: string }) {
  const { client } = useApp();
  const rooms = usePolling(
    async () => unwrap(await client.GET('/schedulers/{schedulerName}/rooms', { params: { path: { schedulerName: scheduler } } })),
    2_000,
    [client, scheduler],
  );
  const [sort, setSort] = useState<{ by: RoomColumn; descending: boolean }>({ by: 'id', descending: false });
  const [status, setStatus] = useState('');
  const [text, setText] = useState('');
  const statusId = useId();
  const textId = useId();
  const all = rooms.data?.rooms ?? [];
  const statuses = [...new Set(all.map((r) => r.status))].sort();
  const shown = sortAndFilter(all, sort.by, sort.descending, status, text);
  const now = Date.now();
  const toggle = (by: RoomColumn) => setSort((s) => ({ by, descending: s.by === by ? !s.descending : false }));

  return (
    <section aria-labelledby="rooms-title">
      <h2 id="rooms-title">Rooms ({all.length})</h2>
      <div className="filters grid">
        <label htmlFor={statusId}>
          Status
          <select id={statusId} value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">All statuses</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={textId}>
          Room or address
          <input id={textId} type="search" value={text} placeholder="Filter rooms" onChange={(event) => setText(event.target.value)} />
        </label>
      </div>
      <ErrorNotice error={rooms.error} />
      <div className="table-scroll">
        <table className="striped rooms">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.by === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="sort" onClick={() => toggle(c.key)}>
                    {c.label}
                    <span aria-hidden="true">{sort.by === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((room) => (
              <tr key={room.id} data-room={room.id}>
                <th scope="row">{room.id}</th>
                <td>
                  <span className={`status status-${room.status}`}>{room.status}</span>
                </td>
                <td>{room.version}</td>
                <td>
                  <time dateTime={room.lastPingAt}>{pingAge(room.lastPingAt, now)}</time>
                </td>
                <td>{addressOf(room)}</td>
                <td>{room.runningMatches}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rooms.data && shown.length === 0 && <p>No room matches.</p>}
    </section>
  );
}
