/** A dependency an app needs to serve: resolves when it answers. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/** Each readiness check gets this long (Maestro's 2 s). */
export const READINESS_TIMEOUT_MS = 2_000;

/** Resolves when `check` does, rejects after the timeout. */
export async function withTimeout(check: ReadinessCheck, timeoutMs = READINESS_TIMEOUT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${check.name} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check.check(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
