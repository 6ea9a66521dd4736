// How the workspace compiles TypeScript with SWC, for jest (jest.preset.js) and for running the
// sources directly (register.cjs): decorator metadata included, which Nest's injection needs.
/** @type {import('@swc/core').Options} */
module.exports = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
