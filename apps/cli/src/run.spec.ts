import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { buildProgram } from './program';
import { runCli } from './run';
import { Session } from './session';
import { fakeIo } from './testing/fake-io';

const URL_ENV = { MAESTRO_URL: 'http://api.test:8080', MAESTRO_TOKEN: 'secret' };

describe('maestro exit codes and errors', () => {
  it('ends 0 on --help, with an example, for the program and every command', async () => {
    const paths: string[][] = [[]];
    const visit = (command: Command, parent: string[]) => {
      for (const sub of command.commands.filter((c) => c.name() !== 'help')) {
        paths.push([...parent, sub.name()]);
        visit(sub, [...parent, sub.name()]);
      }
    };
    visit(buildProgram(new Session(fakeIo().io)), []);
    expect(paths.length).toBeGreaterThanOrEqual(16);
    for (const words of paths) {
      const run = fakeIo();
      expect(await runCli([...words, '--help'], run.io)).toBe(0);
      expect({ words, help: run.stdout() }).toEqual({ words, help: expect.stringMatching(/Examples?:\n {2}(maestro|source|cat) /) });
    }
  });

  it("prints the repository package's version", async () => {
    const run = fakeIo();
    expect(await runCli(['--version'], run.io)).toBe(0);
    expect(run.stdout()).toBe(`${JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')).version}\n`);
  });

  it('ends 2 on an unknown command, a missing argument or a bad option value', async () => {
    for (const args of [
      ['bogus'],
      ['scale', 'fleet'],
      ['scale', 'fleet', '--replicas', 'many'],
      ['get', 'things'],
      ['get', 'rooms'],
      ['get', 'schedulers', '-o', 'xml'],
    ]) {
      const run = fakeIo({}, URL_ENV);
      expect(await runCli(args, run.io)).toBe(2);
      expect(run.stderr()).toMatch(/error/);
    }
  });

  it("ends 1 with the API's message on an API error, sending the bearer token", async () => {
    const run = fakeIo({ 'GET /schedulers/nobody/versions': { status: 404, body: { code: 5, message: 'scheduler nobody not found', details: [] } } }, URL_ENV);
    expect(await runCli(['get', 'versions', 'nobody'], run.io)).toBe(1);
    expect(run.stderr()).toBe('error: scheduler nobody not found\n');
    expect(run.requests[0]).toMatchObject({ url: 'http://api.test:8080/schedulers/nobody/versions', headers: { authorization: 'Bearer secret' } });
  });

  it("ends 1 on a refused token with the API's message and what to do", async () => {
    const run = fakeIo({ 'GET /schedulers/x/versions': { status: 401, body: { code: 16, message: 'missing or invalid token', details: [] } } }, URL_ENV);
    expect(await runCli(['get', 'versions', 'x'], run.io)).toBe(1);
    expect(run.stderr()).toBe('error: missing or invalid token (log in with maestro login --token TOKEN, or set MAESTRO_TOKEN)\n');
  });

  it('asks before deleting on a terminal, and deletes on yes only', async () => {
    const routes = { 'DELETE /schedulers/fleet': { body: { operationId: 'd1' } } };
    const no = fakeIo(routes, URL_ENV, { stdin: 'n\n' });
    no.io.stdin.isTTY = true;
    expect(await runCli(['delete', 'fleet'], no.io)).toBe(0);
    expect(no.stdout()).toBe('delete scheduler fleet and all its rooms? [y/N] not deleted\n');
    expect(no.requests).toEqual([]);
    const yes = fakeIo(routes, URL_ENV, { stdin: 'y\n' });
    yes.io.stdin.isTTY = true;
    expect(await runCli(['delete', 'fleet'], yes.io)).toBe(0);
    expect(yes.stdout()).toContain('scheduler fleet: delete_scheduler d1 enqueued\n');
    expect(yes.requests.map((r) => r.method)).toEqual(['DELETE']);
  });

  it('ends 1 naming the URL when the API cannot be reached', async () => {
    const run = fakeIo({}, { MAESTRO_URL: 'http://127.0.0.1:1' });
    run.io.fetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') });
    };
    expect(await runCli(['get', 'schedulers'], run.io)).toBe(1);
    expect(run.stderr()).toBe('error: cannot reach http://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1\n');
  });

  it('colours errors on a terminal only, and never with NO_COLOR', async () => {
    const routes = { 'GET /schedulers/x/versions': { status: 404, body: { code: 5, message: 'gone' } } };
    const tty = fakeIo(routes, URL_ENV, { tty: true });
    await runCli(['get', 'versions', 'x'], tty.io);
    expect(tty.stderr()).toBe('\x1b[31merror:\x1b[39m gone\n');
    const noColor = fakeIo(routes, { ...URL_ENV, NO_COLOR: '1' }, { tty: true });
    await runCli(['get', 'versions', 'x'], noColor.io);
    expect(noColor.stderr()).toBe('error: gone\n');
  });

  it('refuses to delete without --yes when stdin is not a terminal, calling nothing', async () => {
    const run = fakeIo({}, URL_ENV);
    expect(await runCli(['delete', 'fleet'], run.io)).toBe(2);
    expect(run.stderr()).toBe('error: refusing to delete without confirmation: not a terminal, add --yes\n');
    expect(run.requests).toEqual([]);
  });
});
