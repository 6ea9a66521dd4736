/** Rooms of a scheduler by status, as the overview bar and the history chart show them. */
export interface RoomCounts {
  ready: number;
  occupied: number;
  pending: number;
  terminating: number;
  error?: number;
}

/** Statuses in the order they are stacked, with their colours (the same on every page). */
export const ROOM_SERIES = [
  { key: 'ready', label: 'ready', color: '#2e9d5b' },
  { key: 'occupied', label: 'occupied', color: '#3c6fd1' },
  { key: 'pending', label: 'pending', color: '#d9a21b' },
  { key: 'terminating', label: 'terminating', color: '#8a8f98' },
  { key: 'error', label: 'error', color: '#cf3b3b' },
] as const;

/** "3 ready, 1 occupied, 0 pending, 0 terminating": the accessible text of a bar. */
export function describeCounts(counts: RoomCounts): string {
  return ROOM_SERIES.filter((s) => s.key !== 'error' || counts.error !== undefined)
    .map((s) => `${counts[s.key] ?? 0} ${s.label}`)
    .join(', ');
}

/** Rooms that count against the target: every room not on its way out. */
export const actualRooms = (c: RoomCounts): number => c.ready + c.occupied + c.pending;
