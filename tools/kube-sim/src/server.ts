import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleControl } from './api/control';
import { openApiDocument } from './api/openapi';
import { discovery } from './api/discovery';
import { choosePrettyPrint } from './api/pretty-print';
import { holdAnswer, holdRequest } from './api/latency';
import { decodeProtobufObject, PROTOBUF_MEDIA_TYPE } from './api/protobuf';
import { parseRequestTarget } from './api/request-target';
import { isWatch, RestHandler } from './api/rest-handler';
import { sendJson, sendStatus } from './api/status';
import type { WatchHub } from './api/watch-stream';
import type { SimulatedCluster } from './sim/cluster';
import type { FaultController } from './sim/faults';
import type { RoomSimulator } from './sim/room-simulator';
import type { ObjectStore } from './store/object-store';

const REASON_OF: Record<number, string> = { 429: 'TooManyRequests', 500: 'InternalError', 503: 'ServiceUnavailable', 504: 'Timeout' };
const JSON_TYPES = ['application/json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/json-patch+json'];
const HEALTH_PATHS = new Set(['/healthz', '/livez', '/readyz']);

export interface ServerParts {
  store: ObjectStore;
  cluster: SimulatedCluster;
  faults: FaultController;
  simulator: RoomSimulator;
  watches: WatchHub;
  bookmarkIntervalMs: number;
}

class UnsupportedMediaType extends Error {}

/** Reads the body as JSON (any of the JSON patch types) or as a protobuf-encoded object. */
async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return undefined;
  const mediaType = String(req.headers['content-type'] ?? 'application/json')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (mediaType === PROTOBUF_MEDIA_TYPE) return decodeProtobufObject(raw);
  if (!JSON_TYPES.includes(mediaType)) throw new UnsupportedMediaType(mediaType);
  const text = raw.toString('utf8').trim();
  return text ? JSON.parse(text) : undefined;
}

/** The Kubernetes verb of a request, as fault filters name it. */
function verbOf(method: string, named: boolean, watch: boolean): string {
  switch (method) {
    case 'GET':
      return watch ? 'watch' : named ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}

/** The HTTP server: health, discovery, the REST resources, and the /_sim/ control endpoint. */
export function createKubeSimServer(parts: ServerParts): Server {
  const rest = new RestHandler(parts.store, parts.watches, parts.cluster, parts.bookmarkIntervalMs);
  return createServer((req, res) => {
    handle(parts, rest, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendStatus(res, 500, 'InternalError', `Internal error occurred: ${(error as Error).message}`);
      else res.destroy();
    });
  });
}

async function handle(parts: ServerParts, rest: RestHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://kube-sim');
  const method = req.method ?? 'GET';
  choosePrettyPrint(req, url.searchParams, res);
  let body: unknown;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof UnsupportedMediaType) {
      return sendStatus(
        res,
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: ${[...JSON_TYPES, PROTOBUF_MEDIA_TYPE].join(', ')}`,
      );
    }
    return sendStatus(res, 400, 'BadRequest', `the body of the request could not be decoded: ${(error as Error).message}`);
  }
  if (url.pathname.startsWith('/_sim/')) return handleControl(parts, url.pathname, method, body, res);
  if (HEALTH_PATHS.has(url.pathname)) {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    return void res.end('ok');
  }
  const document = method === 'GET' ? (discovery(url.pathname.replace(/\/$/, '')) ?? openApiDocument(url.pathname)) : undefined;
  if (document) return sendJson(res, 200, document);
  const target = parseRequestTarget(url.pathname);
  if (!target) return sendStatus(res, 404, 'NotFound', 'the server could not find the requested resource');
  const { delayMs, answerDelayMs, errorCode } = parts.faults.decide(verbOf(method, Boolean(target.name), isWatch(target, url.searchParams)), target.resource);
  if (delayMs > 0 && !(await holdRequest(res, delayMs, parts.faults.latency))) return;
  if (answerDelayMs > 0) holdAnswer(res, answerDelayMs, parts.faults.latency);
  if (errorCode) {
    if (errorCode === 429) res.setHeader('retry-after', '1');
    const reason = REASON_OF[errorCode] ?? 'InternalError';
    return sendStatus(res, errorCode, reason, `injected fault: ${reason}`, errorCode === 429 ? { retryAfterSeconds: 1 } : undefined);
  }
  return rest.handle(req, res, target, url.searchParams, body);
}
