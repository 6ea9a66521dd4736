import { readFileSync } from 'node:fs';
import { cellsOf, COMPATIBILITY_OVERVIEW, readAreaFile, readAreaFiles, renderIndex, withIndex } from './compatibility-index';

describe('docs/compatibility.md', () => {
  const overview = readFileSync(COMPATIBILITY_OVERVIEW, 'utf8');
  const areas = readAreaFiles();

  it('lists every recorded choice of every area file (regenerate with docs/tools/compatibility-index.cli.ts)', () => {
    expect(overview).toBe(withIndex(overview, areas));
  });

  it('links every area file from its table, and no area file is a stub without choices', () => {
    for (const area of areas) {
      expect(overview).toContain(`(compatibility/${area.file})`);
      expect({ file: area.file, stub: area.choices.length === 0 }).toEqual({ file: area.file, stub: false });
    }
  });
});

describe('compatibility index rendering', () => {
  const file = [
    '# Storage: compatibility choices',
    '',
    '| spec point | Maestro v10 | this project | why |',
    '|---|---|---|---|',
    '| key prefix | none | `a\\|b` | tests |',
    '| queue | lists | Bull | required |',
    '',
    '## Second table',
    '| point | choice |',
    '| :-- | --: |',
    '| watch 410 | an ERROR event |',
  ].join('\n');

  it('takes the first cell of each row, skipping headers and separators', () => {
    expect(readAreaFile('storage.md', file)).toEqual({
      file: 'storage.md',
      title: 'Storage: compatibility choices',
      choices: ['key prefix', 'queue', 'watch 410'],
    });
  });

  it('keeps escaped pipes inside their cell', () => {
    expect(cellsOf('| a \\| b | c |')).toEqual(['a \\| b', 'c']);
  });

  it('renders one linked section per file', () => {
    expect(renderIndex([readAreaFile('storage.md', file)])).toContain(
      '### [Storage: compatibility choices](compatibility/storage.md)\n\n- key prefix\n- queue\n- watch 410',
    );
  });

  it('refuses an overview without its markers', () => {
    expect(() => withIndex('# no markers', [])).toThrow('no index markers');
  });
});
