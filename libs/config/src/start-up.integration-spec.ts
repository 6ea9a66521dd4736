import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** Starts a real Node process that loads the configuration the way the apps' main.ts do. */
function startWith(env: Record<string, string>) {
  const script = "const c = require('@maestro/config'); c.runOrExit('worker', async () => { c.loadConfig(process.env, 'worker'); console.log('started'); });";
  return spawnSync(process.execPath, ['-r', path.join(root, 'tools/scripts/register.cjs'), '-e', script], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('start-up with a bad configuration (real process)', () => {
  it('stops with status 1 and a message naming the variable and the value', () => {
    const result = startWith({ MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '5 seconds' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: "5 seconds" is not a duration');
    expect(result.stdout).not.toContain('started');
  });

  it('starts when every value is good', () => {
    const result = startWith({ MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '5s' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('started');
  });
});
