import { ENV_SCHEMA } from './env.schema';

/** Prints the README configuration table from the schema. */
const rows = ENV_SCHEMA.map((v) => `| \`${v.name}\` | \`${v.default === '{component}' ? 'per app' : v.default || '""'}\` | ${v.description} |`);
console.log(['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n'));
