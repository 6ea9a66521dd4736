/** A management API in memory for component tests: routes answer JSON, every request is kept. */
export interface FakeRequest {
  method: string;
  path: string;
  headers: Headers;
  body?: unknown;
}

type Handler = (request: FakeRequest) => { status?: number; body: unknown } | undefined;

export class FakeApi {
  readonly requests: FakeRequest[] = [];
  private readonly routes: { method: string; pattern: RegExp; handler: Handler }[] = [];

  /** Answers `method path` (path with query, as a regular expression anchored on both ends). */
  on(method: string, path: string, handler: Handler | { status?: number; body: unknown }): this {
    this.routes.unshift({ method, pattern: new RegExp(`^${path}$`), handler: typeof handler === 'function' ? handler : () => handler });
    return this;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    const headers = new Headers(request.headers);
    if (init?.headers) new Headers(init.headers).forEach((value, key) => headers.set(key, value));
    const fake: FakeRequest = { method: request.method, path: url.pathname + url.search, headers, body: text ? JSON.parse(text) : undefined };
    this.requests.push(fake);
    for (const route of this.routes) {
      if (route.method !== fake.method || !route.pattern.test(fake.path)) continue;
      const answer = route.handler(fake);
      if (answer) return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
    }
    return new Response(JSON.stringify({ code: 5, message: `no route ${fake.method} ${fake.path}` }), {
      status: 404,
      headers: { 'content-type': 'application/json' },
    });
  };
}
