const path = require('node:path');

// One running system (kube-sim, migrations, the three apps) for every e2e suite of this project.
module.exports = require('../../jest.preset.js').projectConfig(__dirname, {
  globalSetup: path.join(__dirname, 'src/support/global-setup.js'),
  globalTeardown: path.join(__dirname, 'src/support/global-teardown.js'),
});
