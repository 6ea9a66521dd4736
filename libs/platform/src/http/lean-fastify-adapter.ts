import { FastifyAdapter } from '@nestjs/platform-fastify';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * Nest's Fastify adapter without the hooks its constructor adds to every route: four `onRequest`
 * hooks (Nest middleware's, CORS's, the request-target check of middleware matching, custom
 * versioning's errors) and one `onResponse` hook for external packages. These apps use none of those
 * features (no middleware: no middie; no CORS; no versioning), and an `onResponse` hook makes Fastify
 * attach `finish` and `error` listeners to every response: together about 7 µs of each ping, most of
 * it garbage collection (bench/README.md). `enableCors` is refused rather than silently ignored. The
 * request-target check is Fastify's own since 5.12: it answers `*path` targets 400 (the spec).
 */
export class LeanFastifyAdapter extends FastifyAdapter {
  constructor() {
    const instance = Fastify();
    const addHook = instance.addHook;
    // The adapter registers its hooks on the instance it is given, in its constructor only.
    instance.addHook = (() => instance) as unknown as FastifyInstance['addHook'];
    // Read by the constructor from its argument: the instance is given, so is the option.
    super(Object.assign(instance, { skipMiddie: true }));
    instance.addHook = addHook;
  }

  override enableCors(): void {
    throw new Error('CORS is not supported by LeanFastifyAdapter: its request hook is one of those it leaves out');
  }
}
