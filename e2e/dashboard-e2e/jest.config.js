const path = require('node:path');

// The system the maestro-e2e suites run (kube-sim, migrations, the three apps, started by `npm
// start`'s script, which builds the dashboard), driven here through Chromium.
const support = path.join(__dirname, '../maestro-e2e/src/support');
module.exports = require('../../jest.preset.js').projectConfig(__dirname, {
  globalSetup: path.join(support, 'global-setup.js'),
  globalTeardown: path.join(support, 'global-teardown.js'),
});
