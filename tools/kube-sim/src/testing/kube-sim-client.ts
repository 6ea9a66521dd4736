/** A small raw HTTP client for kube-sim tests (status codes and bodies as sent). */
export interface RawResponse {
  status: number;
  body: any;
}

export async function call(base: string, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<RawResponse> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': contentType },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export const aPod = (name: string, overrides: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'test' } },
  spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
  ...overrides,
});

/** Reads a watch stream's events until `until` says stop (or the stream ends). */
export async function readWatch(
  base: string,
  path: string,
  until: (events: { type: string; object: any }[]) => boolean,
  timeoutMs = 5_000,
): Promise<{ type: string; object: any }[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: { type: string; object: any }[] = [];
  try {
    const response = await fetch(`${base}${path}`, { signal: controller.signal });
    const reader = response.body!.getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        events.push(JSON.parse(buffer.slice(0, newline)));
        buffer = buffer.slice(newline + 1);
      }
      if (until(events)) break;
    }
    controller.abort();
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
  }
  return events;
}
