import { stopTracing } from './tracing';
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@maestro/config';
import { bootstrapApp, exitOnSignals } from '@maestro/platform';
import { STORAGE_READINESS } from '@maestro/storage';
import { WorkerRoot } from './worker.root';

async function main(): Promise<void> {
  const config = loadConfig(process.env, 'worker');
  const running = await bootstrapApp(WorkerRoot.forConfig(process.env, config), {
    config,
    internalPort: config.internalApi.port,
    readinessToken: STORAGE_READINESS,
  });
  exitOnSignals(running, (code) => void stopTracing().finally(() => process.exit(code)));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `worker failed to start: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
