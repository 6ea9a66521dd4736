import { ConfigError } from './env-parsers';

/** How a failed start-up is reported; process.exit and console.error unless a test says otherwise. */
export interface StartUpHooks {
  print(message: string): void;
  exit(code: number): void;
}

const processHooks: StartUpHooks = {
  print: (message) => console.error(message),
  exit: (code) => process.exit(code),
};

/**
 * Runs an app's `main`; if it fails, prints the ConfigError's message (which names the bad
 * variables and values) or the stack of any other error, and exits the process with status 1.
 */
export async function runOrExit(component: string, main: () => Promise<unknown>, hooks: StartUpHooks = processHooks): Promise<void> {
  try {
    await main();
  } catch (error) {
    hooks.print(error instanceof ConfigError ? error.message : `${component} failed to start: ${(error as Error)?.stack ?? String(error)}`);
    hooks.exit(1);
  }
}
