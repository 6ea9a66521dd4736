import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { discovery } from './api/discovery';
import { parseRequestTarget } from './api/request-target';
import { RestHandler } from './api/rest-handler';
import { sendJson, sendStatus } from './api/status';
import { WatchHub } from './api/watch-stream';
import type { ObjectStore } from './store/object-store';
import type { SimulatedCluster } from './sim/cluster';
import type { FaultController } from './sim/faults';
import type { RoomSimulator } from './sim/room-simulator';

const VERB_OF: Record<string, string> = { GET: 'get', POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };
const REASON_OF: Record<number, string> = { 429: 'TooManyRequests', 500: 'InternalError', 503: 'ServiceUnavailable' };

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  return text ? JSON.parse(text) : undefined;
}

export interface ServerParts {
  store: ObjectStore;
  cluster: SimulatedCluster;
  faults: FaultController;
  simulator: RoomSimulator;
  watches: WatchHub;
  bookmarkIntervalMs: number;
}

/** The HTTP server: discovery, the REST resources, and the /_sim/ control endpoint. */
export function createKubeSimServer(parts: ServerParts): Server {
  const rest = new RestHandler(parts.store, parts.watches, parts.cluster, parts.bookmarkIntervalMs);
  return createServer((req, res) => {
    handle(parts, rest, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendStatus(res, 500, 'InternalError', (error as Error).message);
    });
  });
}

async function handle(parts: ServerParts, rest: RestHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://kube-sim');
  const contentType = String(req.headers['content-type'] ?? '');
  if (contentType && !contentType.includes('json')) {
    req.resume();
    return sendStatus(res, 415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/merge-patch+json, application/strategic-merge-patch+json, application/json-patch+json`);
  }
  let body: unknown;
  try {
    body = await readBody(req);
  } catch (error) {
    return sendStatus(res, 400, 'BadRequest', `invalid JSON: ${(error as Error).message}`);
  }
  if (url.pathname.startsWith('/_sim/')) return control(parts, url.pathname, req.method ?? 'GET', body, res);
  const document = req.method === 'GET' ? discovery(url.pathname.replace(/\/$/, '')) : undefined;
  if (document) return sendJson(res, 200, document);
  const target = parseRequestTarget(url.pathname);
  if (!target) return sendStatus(res, 404, 'NotFound', 'the server could not find the requested resource');
  const { delayMs, errorCode } = parts.faults.decide(VERB_OF[req.method ?? 'GET'] ?? 'get', target.resource);
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  if (errorCode) {
    if (errorCode === 429) res.setHeader('retry-after', '1');
    return sendStatus(res, errorCode, REASON_OF[errorCode] ?? 'InternalError', `injected fault: ${REASON_OF[errorCode] ?? errorCode}`);
  }
  return rest.handle(req, res, target, url.searchParams, body);
}

function control(parts: ServerParts, path: string, method: string, body: unknown, res: ServerResponse): void {
  const input = (body ?? {}) as Record<string, unknown>;
  const faults = parts.faults;
  if (path === '/_sim/stats' && method === 'GET') {
    return sendJson(res, 200, {
      pods: parts.store.count('pods'),
      namespaces: parts.store.count('namespaces'),
      openWatches: parts.watches.size,
      simulatedRooms: parts.simulator.activeRooms,
      pingsSent: parts.simulator.pingsSent,
      pingErrors: parts.simulator.pingErrors,
      memory: process.memoryUsage(),
    });
  }
  if (method !== 'POST') return sendStatus(res, 405, 'MethodNotAllowed', 'control endpoints take POST');
  const ok = (extra: Record<string, unknown> = {}) => sendJson(res, 200, { ok: true, ...extra });
  const image = String(input.image ?? '');
  switch (path) {
    case '/_sim/faults/api':
      faults.setApiFaults(input);
      return ok();
    case '/_sim/faults/image-pull-error':
      faults.failImagePull(image);
      return ok();
    case '/_sim/faults/crash-loop':
      faults.crashLoop(image);
      return ok();
    case '/_sim/faults/oom-killed':
      faults.oomKill(image);
      return ok();
    case '/_sim/faults/drop-watches':
      return ok({ dropped: faults.dropWatches() });
    case '/_sim/faults/node-loss':
      return faults.loseNode(String(input.node ?? '')) ? ok() : sendStatus(res, 404, 'NotFound', `nodes "${input.node}" not found`);
    case '/_sim/faults/compact':
      faults.compactHistory();
      return ok();
    case '/_sim/reset':
      faults.reset();
      return ok();
    default:
      return sendStatus(res, 404, 'NotFound', `no control endpoint ${path}`);
  }
}
