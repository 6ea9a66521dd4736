import { renderConfigTable } from './config-table';
import { ENV_SCHEMA } from './env.schema';

describe('README configuration table', () => {
  const table = renderConfigTable().split('\n');

  it('has a header and one row per variable', () => {
    expect(table.slice(0, 2)).toEqual(['| variable | default | meaning |', '|---|---|---|']);
    expect(table).toHaveLength(ENV_SCHEMA.length + 2);
  });

  it('shows defaults, per-app ports and empty defaults', () => {
    expect(table).toContain('| `MAESTRO_WORKERS_STORAGECLENUPINTERVAL` | `3h` | mean period of the storage clean-up (key spelled as Maestro does) |');
    expect(table.find((row) => row.startsWith('| `MAESTRO_API_PORT`'))).toContain('`per app`');
    expect(table.find((row) => row.startsWith('| `MAESTRO_ADAPTERS_REDIS_KEYPREFIX`'))).toContain('`""`');
  });

  it('escapes pipes inside cells', () => {
    const [row] = renderConfigTable([{ name: 'MAESTRO_X', path: 'x', kind: 'string', default: 'a|b', description: 'one | two' }])
      .split('\n')
      .slice(2);
    expect(row).toBe('| `MAESTRO_X` | `a\\|b` | one \\| two |');
  });
});
