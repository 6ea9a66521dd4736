/** Period of the operation reconciliation when the options do not set one. */
export const DEFAULT_RECONCILE_INTERVAL_MS = 10_000;

/** The worker's timings and limits, from the configuration (`workers.*`, `disruptionWorker.*`, `reporter.*`). */
export interface WorkerOptions {
  /** How often the scheduler list is read to start and stop scheduler workers (`workers.syncInterval`). */
  syncIntervalMs: number;
  /** Time given to running operations when the worker stops, before they are aborted. */
  stopTimeoutMs: number;
  /** Period of the health controller (`workers.healthControllerInterval`). */
  healthControllerIntervalMs: number;
  /** Period of the storage clean-up (`workers.storageClenupInterval`). */
  storageCleanupIntervalMs: number;
  /** Period of the disruption budget update (`disruptionWorker.intervalSeconds`). */
  disruptionIntervalMs: number;
  /** Share of rooms the disruption budget lets go at once (`disruptionWorker.safetyPercentage`). */
  disruptionSafetyPercentage: number;
  /** Period of the fleet metrics (`reporter.metrics.intervalMillis`). */
  metricsIntervalMs: number;
  /**
   * Period of the operation reconciliation of each scheduler (one replica per period); the worker
   * uses `workers.syncInterval`. Defaults to DEFAULT_RECONCILE_INTERVAL_MS.
   */
  reconcileIntervalMs?: number;
}
