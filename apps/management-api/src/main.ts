import { stopTracing } from './tracing';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@maestro/config';
import { bootstrapApp, exitOnSignals } from '@maestro/platform';
import { STORAGE_READINESS, migrate } from '@maestro/storage';
import { DASHBOARD_DIR, serveDashboard } from './dashboard';
import { ManagementApiRoot } from './management-api.root';
import { setUpSwagger } from './swagger';

async function main(): Promise<void> {
  const config = loadConfig(process.env, 'management-api');
  if (config.postgres.migrateOnStart) await migrate({ url: config.postgres.url });
  const running = await bootstrapApp(ManagementApiRoot.forConfig(process.env, config), {
    config,
    port: config.api.port,
    internalPort: config.internalApi.port,
    readinessToken: STORAGE_READINESS,
    configure: (app) => {
      setUpSwagger(app);
      if (!serveDashboard(app, { authentication: config.auth.api.enabled }))
        new Logger('Dashboard').warn(`no dashboard at /ui/: ${DASHBOARD_DIR} is not built (npx nx build dashboard)`);
    },
  });
  exitOnSignals(running, (code) => void stopTracing().finally(() => process.exit(code)));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : `management-api failed to start: ${(error as Error).stack ?? String(error)}`;
  console.error(message);
  process.exit(1);
});
