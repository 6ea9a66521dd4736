import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { type PlatformTestApp, startPlatformTestApp } from '../testing/platform-test-app';
import { LeanFastifyAdapter } from './lean-fastify-adapter';

/** The hooks a GET or PUT route runs, as Fastify lists them: `• (onRequest) ["anonymous()", ...]` per kind. */
function hooksOf(fastify: FastifyInstance, path: string, method: 'GET' | 'PUT' = 'PUT'): string[] {
  const lines = fastify.printRoutes({ includeHooks: true, commonPrefix: false, method }).split('\n');
  const at = lines.findIndex((line) => line.includes(path));
  const hooks: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const hook = /• \((\w+)\) (.*)$/.exec(line);
    if (!hook) break;
    hooks.push(`${hook[1]} ${(JSON.parse(hook[2]) as string[]).length}`);
  }
  return hooks;
}

describe('LeanFastifyAdapter', () => {
  // What the adapter leaves out: a Nest upgrade that changes these hooks fails here, to be read again.
  it("leaves out exactly the hooks Nest's adapter adds to every route", async () => {
    const nests = new FastifyAdapter({ skipMiddie: true }).getInstance();
    const lean = new LeanFastifyAdapter().getInstance();
    for (const fastify of [nests, lean]) fastify.get('/probe', async () => ({}));
    await Promise.all([nests.ready(), lean.ready()]);
    expect(hooksOf(nests, '/probe', 'GET')).toEqual(['onRequest 4', 'onResponse 1']);
    expect(hooksOf(lean, '/probe', 'GET')).toEqual([]);
    await Promise.all([nests.close(), lean.close()]);
  });

  it('refuses CORS, whose hook it leaves out', () => {
    expect(() => new LeanFastifyAdapter().enableCors()).toThrow(/not supported/);
  });

  describe('in a Maestro app', () => {
    let t: PlatformTestApp;
    beforeAll(async () => {
      t = await startPlatformTestApp();
    });
    afterAll(() => t.app.close());

    // The edge's own: the metrics' start and record (http-metrics.ts), the bodies' defaults (fastify-edge.ts).
    it('runs only the hooks of the edge on every route, none onResponse', async () => {
      const fastify = t.app.getHttpAdapter().getInstance();
      await fastify.ready();
      for (const path of ['/things/:thingName', '/direct/:thingName']) expect(hooksOf(fastify, path)).toEqual(['onRequest 1', 'preValidation 1', 'onSend 1']);
    });

    it('serves controller and direct routes, and answers unknown paths 404', async () => {
      expect((await t.inject({ method: 'GET', url: '/things/alpha' })).statusCode).toBe(200);
      expect((await t.inject({ method: 'GET', url: '/direct/alpha' })).statusCode).toBe(200);
      expect((await t.inject({ method: 'GET', url: '/nowhere' })).statusCode).toBe(404);
    });

    // Nest's adapter sent targets that are not a path to the not-found handler, in a hook left out here:
    // Fastify itself answers them (no route of these apps answers OPTIONS).
    it.each([
      ['GET *things/alpha HTTP/1.1', 400],
      ['OPTIONS * HTTP/1.1', 404],
      ['GET http://example.test/things/alpha HTTP/1.1', 200],
    ])('answers the request line %s with %d', async (line, status) => {
      expect(await send(t, line)).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    });
  });
});

/** One request written by hand on a socket (inject normalises the target); the answer as text. */
async function send(t: PlatformTestApp, requestLine: string): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await t.app.listen(0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${requestLine}\r\nhost: example.test\r\nconnection: close\r\n\r\n`));
    let answer = '';
    socket.on('data', (chunk) => (answer += String(chunk)));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}
