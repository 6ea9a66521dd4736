import { CommanderError } from 'commander';
import { ApiError, CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './errors';
import { colorsFor } from './output/colors';
import { buildProgram } from './program';
import { Session, type CliEnv } from './session';

/** Runs `maestro` with these arguments (without `node maestro`); resolves to the exit code. */
export async function runCli(args: string[], io: CliEnv): Promise<number> {
  const session = new Session(io);
  const program = buildProgram(session);
  const red = colorsFor(io.stderr, io.env).red;
  try {
    await program.parseAsync(args, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with exit code 0; every other parsing error is bad usage.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      io.stderr.write(`${red('error:')} ${error.message}${hintFor(error)}\n`);
      return error.exitCode;
    }
    io.stderr.write(`${red('error:')} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILURE;
  }
}

/** What to do about a refused token (401: unknown or missing; 403: not allowed). */
function hintFor(error: CliError): string {
  if (!(error instanceof ApiError)) return '';
  if (error.status === 401) return ' (log in with maestro login --token TOKEN, or set MAESTRO_TOKEN)';
  if (error.status === 403) return " (this token's role does not allow it)";
  return '';
}
