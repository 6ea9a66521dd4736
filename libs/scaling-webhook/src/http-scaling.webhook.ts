import { readWebhookAnswer, type ScalingWebhook, type ScalingWebhookStatus, type WebhookOutcome } from '@maestro/domain';

/** The largest answer read; a longer body is an unreadable answer. */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface HttpScalingWebhookOptions {
  /**
   * Whether the URL's `host:port` may be called (`adapters.grpc.allowedAddresses`, with host names
   * resolved into the allowed networks); every address when absent.
   */
  admits?: (address: string) => Promise<boolean>;
}

/**
 * ScalingWebhook over HTTP (Node's fetch): one POST of the status as JSON, redirects not followed,
 * the whole exchange (admission, connection, answer) bounded by the timeout through one AbortSignal.
 */
export class HttpScalingWebhook implements ScalingWebhook {
  constructor(private readonly options: HttpScalingWebhookOptions = {}) {}

  async ask(url: string, status: ScalingWebhookStatus, timeoutMs: number): Promise<WebhookOutcome> {
    const signal = AbortSignal.timeout(timeoutMs);
    const timedOut = { failure: `timeout after ${timeoutMs}ms` };
    try {
      const { host } = new URL(url);
      if (this.options.admits && !(await untilAborted(this.options.admits(host), signal))) return { failure: 'address not allowed' };
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(status),
        redirect: 'manual',
        signal,
      });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return { failure: `status ${response.status}` };
      }
      return readWebhookAnswer(await readBounded(response));
    } catch (error) {
      if (signal.aborted) return timedOut;
      return { failure: `unreachable (${causeOf(error)})` };
    }
  }
}

/** The value of `promise`, or a rejection once `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** The body as text, or '' (unreadable) past {@link MAX_ANSWER_BYTES}. */
async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > MAX_ANSWER_BYTES) return '';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? String(error);
}
