import { ENV_SCHEMA, type EnvVariable, PER_COMPONENT } from './env.schema';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The README configuration table (variable, default, meaning) as Markdown, one row per variable. */
export function renderConfigTable(schema: readonly EnvVariable[] = ENV_SCHEMA): string {
  const rows = schema.map((variable) => {
    const shown = variable.default === PER_COMPONENT ? 'per app' : variable.default || '""';
    return `| \`${variable.name}\` | \`${cell(shown)}\` | ${cell(variable.description)} |`;
  });
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
