/** Rooms a rolling update may add above the desired count: `N` or `N%` of desired (ceil); at least 1. */
export function maxSurgeAmount(maxSurge: string, desired: number): number {
  const percent = maxSurge.endsWith('%');
  const value = Number.parseInt(percent ? maxSurge.slice(0, -1) : maxSurge, 10);
  const amount = percent ? Math.ceil((value / 100) * desired) : value;
  return Number.isFinite(amount) && amount > 0 ? amount : 1;
}
