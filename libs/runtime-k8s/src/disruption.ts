/** Safety margins outside [0.05, 1) fall back to 0.05 (Maestro's rule). */
export function effectiveSafety(safetyPercentage: number): number {
  return safetyPercentage < 0.05 || safetyPercentage >= 1 ? 0.05 : safetyPercentage;
}

/** minAvailable of a scheduler's PDB: every room but a safety share; 0 below two rooms. */
export function minAvailableFor(roomAmount: number, safetyPercentage: number): number {
  const quota = roomAmount >= 2 ? roomAmount : 0;
  return Math.floor(quota * (1 - effectiveSafety(safetyPercentage)));
}
