/**
 * Bounds this project adds to Maestro's scheduler rules (docs/compatibility/domain.md, "input
 * bounds"): every list and string a request can grow has a ceiling, so that one request cannot make
 * the API, the worker or Kubernetes do unbounded work. Each is far above what a real scheduler uses.
 */
export const INPUT_LIMITS = {
  /** `game`: a metric label and an events-forwarding field. */
  gameLength: 128,
  containers: 10,
  imageLength: 1024,
  /** Entries of a container's `command`, and the length of each. */
  commandItems: 64,
  commandItemLength: 4096,
  /** Environment variables of one container, the length of a name and of a value. */
  environment: 100,
  environmentNameLength: 253,
  environmentValueLength: 32 * 1024,
  portsPerContainer: 20,
  forwarders: 10,
  forwarderNameLength: 63,
  forwarderAddressLength: 512,
  /** A forwarder's per-call deadline, in milliseconds (Maestro only requires it non-zero). */
  forwarderTimeoutMinMs: 1,
  forwarderTimeoutMaxMs: 60_000,
  /** `maxSurge`: rooms created per batch as a number, or a percentage of the fleet. */
  maxSurgeRooms: 1000,
  maxSurgePercent: 100,
  /** Labels and annotations added to every room's pod. */
  labels: 64,
  annotations: 64,
  /** Kubernetes' own ceiling on the size of an object's annotations (keys and values). */
  annotationsTotalBytes: 256 * 1024,
  /** A schedule policy's windows, and a webhook's URL and deadline (autoscaling.md, not in Maestro). */
  scheduleEntries: 20,
  webhookUrlLength: 512,
  webhookTimeoutMinMs: 100,
  webhookTimeoutMaxMs: 10_000,
  /** `allocationBufferMinutes` of roomOccupancy and fixedBuffer. */
  allocationBufferMaxMinutes: 60,
} as const;
