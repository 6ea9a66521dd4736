import type { ServerResponse } from 'node:http';
import type { ServerParts } from '../server';
import { sendJson, sendStatus } from './status';

type Input = Record<string, unknown>;

const image = (input: Input): string => {
  if (typeof input.image !== 'string' || input.image === '') throw new Error('body must name an image: {"image": "<name:tag>"}');
  return input.image;
};

/** POST operations of the control endpoint, by path under /_sim/. */
const OPERATIONS: Record<string, (parts: ServerParts, input: Input) => Record<string, unknown> | undefined> = {
  '/_sim/faults/api': (p, input) => (p.faults.setApiFaults(input), {}),
  '/_sim/faults/image-pull-error': (p, input) => (p.faults.failImagePull(image(input)), {}),
  '/_sim/faults/crash-loop': (p, input) => (p.faults.crashLoop(image(input)), {}),
  '/_sim/faults/oom-killed': (p, input) => (p.faults.oomKill(image(input)), {}),
  '/_sim/faults/drop-watches': (p) => ({ dropped: p.faults.dropWatches() }),
  '/_sim/faults/node-loss': (p, input) => (p.faults.loseNode(String(input.node ?? '')) ? {} : undefined),
  '/_sim/faults/compact': (p) => (p.faults.compactHistory(), {}),
  '/_sim/reset': (p) => (p.faults.reset(), {}),
};

/**
 * The control endpoint: `GET /_sim/stats`, `GET /_sim/faults`, and the POST operations above
 * (the same operations as the in-process FaultController).
 */
export function handleControl(parts: ServerParts, path: string, method: string, body: unknown, res: ServerResponse): void {
  if (method === 'GET' && path === '/_sim/stats') {
    return sendJson(res, 200, {
      resourceVersion: parts.store.resourceVersion,
      pods: parts.store.count('pods'),
      namespaces: parts.store.count('namespaces'),
      nodes: parts.store.count('nodes'),
      openWatches: parts.watches.size,
      heldRequests: parts.faults.latency.held,
      abandonedRequests: parts.faults.latency.abandoned,
      simulatedRooms: parts.simulator.activeRooms,
      pingsSent: parts.simulator.pingsSent,
      pingErrors: parts.simulator.pingErrors,
      memory: process.memoryUsage(),
    });
  }
  if (method === 'GET' && path === '/_sim/faults') return sendJson(res, 200, parts.faults.describe());
  const operation = OPERATIONS[path];
  if (!operation) return sendStatus(res, 404, 'NotFound', `no control endpoint ${method} ${path}`);
  if (method !== 'POST') return sendStatus(res, 405, 'MethodNotAllowed', `${path} takes POST`);
  const input = (body && typeof body === 'object' ? body : {}) as Input;
  try {
    const result = operation(parts, input);
    if (!result) return sendStatus(res, 404, 'NotFound', `nodes "${String(input.node ?? '')}" not found`);
    return sendJson(res, 200, { ok: true, ...result });
  } catch (error) {
    return sendStatus(res, 400, 'BadRequest', (error as Error).message);
  }
}
