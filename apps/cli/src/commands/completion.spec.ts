import { spawnSync } from 'node:child_process';
import { runCli } from '../run';
import { fakeIo } from '../testing/fake-io';

async function script(shell: string): Promise<string> {
  const run = fakeIo();
  expect(await runCli(['completion', shell], run.io)).toBe(0);
  return run.stdout();
}

/** What bash offers after the words typed (the last one being completed). */
function complete(bashScript: string, words: string[]): string[] {
  const line = words.map((w) => `'${w}'`).join(' ');
  const program = `${bashScript}\nCOMP_WORDS=(maestro ${line}); COMP_CWORD=${words.length}; _maestro; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['-c', program], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

describe('shell completion', () => {
  it('completes commands, then each command’s subcommands and options, in bash', async () => {
    const bash = await script('bash');
    expect(complete(bash, [''])).toEqual(expect.arrayContaining(['apply', 'get', 'scale', 'rollback', 'delete', 'completion', '--context']));
    expect(complete(bash, ['sc'])).toEqual(['scale']);
    expect(complete(bash, ['get', '--o'])).toEqual(['--output']);
    expect(complete(bash, ['get', 'rooms', 'fleet', '--w'])).toEqual(['--watch']);
    expect(complete(bash, ['context', ''])).toEqual(expect.arrayContaining(['list', 'use']));
    expect(complete(bash, ['--context', 'prod', 'delete', '--y'])).toEqual(['--yes']);
    expect(complete(bash, ['autoscaling', ''])).toEqual(expect.arrayContaining(['decisions', 'simulate']));
    expect(complete(bash, ['autoscaling', 'simulate', 'fleet', '--c'])).toEqual(['--candidate']);
  });

  it('prints a zsh script for compdef with the same words', async () => {
    const zsh = await script('zsh');
    expect(zsh.split('\n')[0]).toBe('#compdef maestro');
    expect(zsh).toContain('"apply") candidates=(--file -f --wait --timeout --help) ;;');
    expect(zsh).toContain('  compdef _maestro maestro\n');
    expect(zsh).toContain('if [ "$funcstack[1]" = "_maestro" ]; then\n  _maestro "$@"\n');
  });

  it('refuses another shell as bad usage', async () => {
    const run = fakeIo();
    expect(await runCli(['completion', 'fish'], run.io)).toBe(2);
  });
});
