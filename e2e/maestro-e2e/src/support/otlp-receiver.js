// An OTLP/HTTP trace receiver for the e2e suites: the apps export their spans here (JSON encoding,
// POST /v1/traces); GET /spans answers every span received so far, flattened, for the tests to read.
const http = require('node:http');

/**
 * @typedef {{ key: string, value: Record<string, unknown> }} OtlpAttribute
 * @typedef {{ traceId: string, spanId: string, parentSpanId?: string, name: string, kind: number, attributes?: OtlpAttribute[] }} OtlpSpan
 * @typedef {{ resource?: { attributes?: OtlpAttribute[] }, scopeSpans?: { spans?: OtlpSpan[] }[] }} OtlpResourceSpans
 * @typedef {{ service: string, traceId: string, spanId: string, parentSpanId: string, name: string, kind: number, attributes: Record<string, unknown> }} ReceivedSpan
 */

/** @param {OtlpAttribute[] | undefined} attributes */
function flatten(attributes = []) {
  return Object.fromEntries(attributes.map(({ key, value }) => [key, Object.values(value)[0]]));
}

/** @param {number} port */
async function startOtlpReceiver(port) {
  /** @type {ReceivedSpan[]} */
  const spans = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (/** @type {Buffer} */ chunk) => (body += chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') {
        if (!String(request.headers['content-type']).startsWith('application/json')) {
          response.writeHead(415).end();
          return;
        }
        const { resourceSpans = [] } = /** @type {{ resourceSpans?: OtlpResourceSpans[] }} */ (JSON.parse(body));
        for (const { resource, scopeSpans = [] } of resourceSpans) {
          const service = String(flatten(resource?.attributes)['service.name']);
          for (const scope of scopeSpans)
            for (const span of scope.spans ?? [])
              spans.push({
                service,
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId ?? '',
                name: span.name,
                kind: span.kind,
                attributes: flatten(span.attributes),
              });
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else if (request.method === 'GET' && request.url === '/spans') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(spans));
      } else response.writeHead(404).end();
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}

module.exports = { startOtlpReceiver };
