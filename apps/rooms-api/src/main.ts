import { stopTracing } from './tracing';
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@maestro/config';
import { bootstrapApp, exitOnSignals } from '@maestro/platform';
import { STORAGE_READINESS } from '@maestro/storage';
import { RoomsApiRoot } from './rooms-api.root';
import { setUpSwagger } from './swagger';

async function main(): Promise<void> {
  const config = loadConfig(process.env, 'rooms-api');
  const running = await bootstrapApp(RoomsApiRoot.forConfig(process.env, config), {
    config,
    port: config.api.port,
    internalPort: config.internalApi.port,
    readinessToken: STORAGE_READINESS,
    configure: (app) => setUpSwagger(app),
  });
  exitOnSignals(running, (code) => void stopTracing().finally(() => process.exit(code)));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `rooms-api failed to start: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
