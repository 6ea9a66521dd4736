import { migrate, redactUrl } from './data-source';

/** `npm run migrate [postgres-url]`: creates the database if missing and applies the migrations. */
async function main(): Promise<void> {
  // The one place outside libs/config that reads the environment: this CLI runs without the apps' config.
  const url = process.argv[2] ?? process.env.MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/maestro';
  const applied = await migrate({ url });
  console.log(JSON.stringify({ msg: 'migrations applied', database: redactUrl(url), applied }));
}

main().catch((error: unknown) => {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
