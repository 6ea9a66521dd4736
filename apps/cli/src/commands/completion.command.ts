import type { Command } from 'commander';
import { UsageError } from '../errors';
import type { Session } from '../session';

/** Each command path ("get", "context use") with its options' long and short names. */
export function commandWords(program: Command): Map<string, string[]> {
  const words = new Map<string, string[]>();
  const visit = (command: Command, path: string[]) => {
    for (const sub of command.commands) {
      const key = [...path, sub.name()];
      words.set(key.join(' '), [
        ...sub.commands.map((c) => c.name()),
        ...sub.options.flatMap((o) => [o.long, o.short]).filter((w): w is string => !!w),
        '--help',
      ]);
      visit(sub, key);
    }
  };
  visit(program, []);
  words.set('', [...program.commands.map((c) => c.name()), ...program.options.flatMap((o) => [o.long, o.short]).filter((w): w is string => !!w)]);
  return words;
}

/** A bash completion script: subcommands, then each command's subcommands and options. */
export function bashCompletion(program: Command): string {
  const cases = [...commandWords(program)]
    .filter(([path]) => path)
    .map(([path, words]) => `    "${path}") words="${words.join(' ')}" ;;`)
    .join('\n');
  const top = commandWords(program).get('') ?? [];
  return `# maestro completion for bash: source <(maestro completion bash)
_maestro() {
  local cur cmdpath="" word words
  cur="\${COMP_WORDS[COMP_CWORD]}"
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$word" in -*) ;; *) case "$cmdpath $word" in
${[...commandWords(program).keys()]
  .filter((p) => p)
  .map((p) => `      " ${p}"|"${p}") cmdpath="${p}" ;;`)
  .join('\n')}
    esac ;; esac
  done
  case "$cmdpath" in
${cases}
    *) words="${top.join(' ')}" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _maestro maestro
`;
}

/** A zsh completion script (compdef): the same words as bash's. */
export function zshCompletion(program: Command): string {
  const all = commandWords(program);
  const cases = [...all]
    .filter(([path]) => path)
    .map(([path, words]) => `    "${path}") words=(${words.join(' ')}) ;;`)
    .join('\n');
  return `#compdef maestro
# maestro completion for zsh: source <(maestro completion zsh)
_maestro() {
  local cmdpath="" word
  for word in \${words[2,CURRENT-1]}; do
    case "$word" in -*) ;; *) case "$cmdpath $word" in
${[...all.keys()]
  .filter((p) => p)
  .map((p) => `      " ${p}"|"${p}") cmdpath="${p}" ;;`)
  .join('\n')}
    esac ;; esac
  done
  local -a candidates
  case "$cmdpath" in
${cases.replace(/words=\(/g, 'candidates=(')}
    *) candidates=(${(all.get('') ?? []).join(' ')}) ;;
  esac
  compadd -- $candidates
}
# Autoloaded from $fpath, this file is the completion function itself; sourced, it registers it.
if [ "$funcstack[1]" = "_maestro" ]; then
  _maestro "$@"
else
  compdef _maestro maestro
fi
`;
}

export function registerCompletion(program: Command, session: Session): void {
  program
    .command('completion')
    .description('print a shell completion script (bash or zsh)')
    .argument('<shell>', 'bash or zsh')
    .addHelpText('after', '\nExamples:\n  source <(maestro completion bash)\n  maestro completion zsh > "${fpath[1]}/_maestro"')
    .action((shell: string) => {
      if (shell !== 'bash' && shell !== 'zsh') throw new UsageError(`no completion for ${shell} (use bash or zsh)`);
      session.io.stdout.write(shell === 'bash' ? bashCompletion(program) : zshCompletion(program));
    });
}
