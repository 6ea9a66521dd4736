// Stops the system started by global-setup.js (Ctrl-C semantics) and drops its database.
const { Client } = require('pg');

module.exports = async function globalTeardown() {
  const system = globalThis.__MAESTRO_SYSTEM__;
  if (!system) return;
  /** @type {Promise<void>} */
  const stopped = new Promise((resolve) => {
    const force = setTimeout(() => system.child.kill('SIGKILL'), 15_000);
    system.child.on('exit', () => {
      clearTimeout(force);
      resolve();
    });
    system.child.kill('SIGINT');
  });
  await stopped;
  await system.receiver.close();
  const url = new URL(system.databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
};
