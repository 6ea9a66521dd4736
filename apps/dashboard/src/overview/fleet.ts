import { type ManagementClient, unwrap } from '../api/client';
import type { components } from '../api/management-api';
import type { RoomCounts } from './room-counts';

type Summary = components['schemas']['SchedulerSummaryResponse'];
type Info = components['schemas']['SchedulerInfoResponse'];

/** One row of the overview: a scheduler's summary joined with its room counters. */
export interface FleetRow {
  name: string;
  game: string;
  state: string;
  version: string;
  roomsReplicas: number;
  rooms: RoomCounts;
  autoscaling: Info['autoscaling'];
}

/** Every scheduler with its counters (two reads: the list has the version, the info the rooms). */
export async function loadFleet(client: ManagementClient): Promise<FleetRow[]> {
  const [list, info] = await Promise.all([client.GET('/schedulers').then(unwrap), client.GET('/schedulers/info').then(unwrap)]);
  return joinFleet(list.schedulers, info.schedulers);
}

export function joinFleet(summaries: Summary[], infos: Info[]): FleetRow[] {
  const byName = new Map(infos.map((i) => [i.name, i]));
  return summaries
    .map((s) => {
      const info = byName.get(s.name);
      return {
        name: s.name,
        game: s.game,
        state: s.state,
        version: s.version,
        roomsReplicas: s.roomsReplicas,
        rooms: {
          ready: info?.roomsReady ?? 0,
          occupied: info?.roomsOccupied ?? 0,
          pending: info?.roomsPending ?? 0,
          terminating: info?.roomsTerminating ?? 0,
        },
        autoscaling: info?.autoscaling ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The target the health controller aims at: replicas, or the autoscaling bounds. */
export function describeTarget(row: Pick<FleetRow, 'roomsReplicas' | 'autoscaling'>): string {
  return row.autoscaling?.enabled ? `autoscaling ${row.autoscaling.min}–${row.autoscaling.max}` : String(row.roomsReplicas);
}

/** Rows whose game is `game` (all for '') and whose name contains `name`, case-insensitive. */
export function filterFleet(rows: FleetRow[], game: string, name: string): FleetRow[] {
  const needle = name.trim().toLowerCase();
  return rows.filter((r) => (!game || r.game === game) && r.name.toLowerCase().includes(needle));
}
