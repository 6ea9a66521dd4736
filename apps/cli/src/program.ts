import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { registerApply } from './commands/apply.command';
import { registerAutoscaling } from './commands/autoscaling.command';
import { registerCompletion } from './commands/completion.command';
import { registerDescribe } from './commands/describe.command';
import { registerGet } from './commands/get.command';
import { registerLogin } from './commands/login.command';
import { registerLogs } from './commands/logs.command';
import { registerSteering } from './commands/steer.command';
import { REPOSITORY, type Session } from './session';

const FOOTER = `
Exit codes: 0 success, 1 failed operation or API error, 2 usage error.
Target: MAESTRO_URL, MAESTRO_ROOMS_URL and MAESTRO_TOKEN override the current context
(maestro login); without any, the local \`npm start\` (http://127.0.0.1:8080, .maestro/admin-token).`;

/** The `maestro` command and its subcommands, writing through the session. */
export function buildProgram(session: Session): Command {
  const program = new Command('maestro')
    .description('operate Maestro game-room fleets: apply scheduler files, follow rollouts, scale, roll back, delete')
    .version(packageVersion(), '-v, --version')
    .option('--context <name>', 'use this saved context instead of the current one')
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', `\nExample:\n  maestro apply -f examples/fixed-fleet.json --wait\n${FOOTER}`)
    .hook('preAction', (command) => {
      session.contextName = command.opts<{ context?: string }>().context;
    });
  registerLogin(program, session);
  registerApply(program, session);
  registerGet(program, session);
  registerDescribe(program, session);
  registerLogs(program, session);
  registerSteering(program, session);
  registerAutoscaling(program, session);
  registerCompletion(program, session);
  configureAll(program, session);
  return program;
}

/** Output through the session and errors thrown (not exiting), for every command. */
function configureAll(command: Command, session: Session): void {
  command.exitOverride().configureOutput({
    writeOut: (text) => session.io.stdout.write(text),
    writeErr: (text) => session.io.stderr.write(text),
    outputError: (text, write) => write(text),
  });
  for (const sub of command.commands) configureAll(sub, session);
}

/** The version of the repository's package, which the CLI belongs to. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8')) as { version: string }).version;
}
