// Shared jest configuration: every project's jest.config.js calls projectConfig(__dirname).
// The kind of suite (unit, integration, e2e) comes from MAESTRO_TEST_KIND, set by tools/scripts/jest.mjs.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const KINDS = {
  unit: { testMatch: ['<rootDir>/**/*.spec.ts'], testTimeout: 10_000 },
  integration: { testMatch: ['<rootDir>/**/*.integration-spec.ts'], testTimeout: 60_000 },
  e2e: { testMatch: ['<rootDir>/**/*.e2e-spec.ts'], testTimeout: 180_000 },
};

function aliasMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    mapper[`^${alias.replace('/', '\\/')}$`] = path.join(__dirname, target);
  }
  return mapper;
}

const ESM_PACKAGES = ['@kubernetes/client-node', 'jsonpath-plus', 'openid-client', 'oauth4webapi', 'jose', 'rfc4648', 'content-disposition'];

const swcTransform = ['@swc/jest', require('./tools/scripts/swc-options.cjs')];

function projectConfig(projectDir, overrides = {}) {
  const kind = process.env.MAESTRO_TEST_KIND || 'unit';
  const selected = KINDS[kind];
  if (!selected) throw new Error(`unknown MAESTRO_TEST_KIND ${kind}`);
  return {
    rootDir: projectDir,
    displayName: `${path.relative(__dirname, projectDir)} (${kind})`,
    testEnvironment: 'node',
    transform: { '^.+\\.(t|m?j)s$': swcTransform },
    // The Kubernetes client (1.x) and a few of its dependencies, and content-disposition (used by
    // @fastify/static, which serves Swagger UI's assets) ship ES modules only: compile them too.
    transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper: aliasMapper(),
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    ...selected,
    ...overrides,
  };
}

module.exports = { projectConfig, swcTransform };
