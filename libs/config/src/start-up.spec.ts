import { ConfigError } from './env-parsers';
import { runOrExit } from './start-up';

describe('runOrExit', () => {
  const hooks = () => {
    const printed: string[] = [];
    const exits: number[] = [];
    return { printed, exits, print: (m: string) => void printed.push(m), exit: (c: number) => void exits.push(c) };
  };

  it('prints the configuration problem alone and exits 1', async () => {
    const h = hooks();
    await runOrExit('worker', async () => Promise.reject(new ConfigError('MAESTRO_API_PORT: "x" is not an integer')), h);
    expect(h.printed).toEqual(['MAESTRO_API_PORT: "x" is not an integer']);
    expect(h.exits).toEqual([1]);
  });

  it('prints the stack of any other failure and exits 1', async () => {
    const h = hooks();
    await runOrExit('rooms-api', async () => Promise.reject(new Error('port in use')), h);
    expect(h.printed[0]).toMatch(/^rooms-api failed to start: Error: port in use/);
    expect(h.exits).toEqual([1]);
  });

  it('does nothing more when main succeeds', async () => {
    const h = hooks();
    await runOrExit('worker', async () => undefined, h);
    expect(h).toMatchObject({ printed: [], exits: [] });
  });
});
