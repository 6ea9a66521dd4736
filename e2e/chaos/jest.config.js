// The fast chaos cases (npm test); `npm run chaos` runs them all (src/chaos.cli.ts).
module.exports = require('../../jest.preset.js').projectConfig(__dirname);
