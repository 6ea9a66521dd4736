import { parse } from 'yaml';
import { UsageError } from '../errors';
import { colorsFor } from './colors';
import { age, parseOutputFormat, renderData } from './format';
import { progressView } from './progress-view';
import { renderTable } from './table';

describe('tables and formats', () => {
  it('prints a borderless table with upper-case headers and aligned columns', () => {
    expect(
      renderTable(
        ['name', 'ready'],
        [
          ['fixed-fleet', 3],
          ['b', 10],
        ],
      ).split('\n'),
    ).toEqual(['NAME          READY', 'fixed-fleet   3', 'b             10']);
  });

  it('prints json and yaml that parse back to the data', () => {
    const data = { versions: [{ version: 'v1.0.0', isActive: true }] };
    expect(JSON.parse(renderData('json', data))).toEqual(data);
    expect(parse(renderData('yaml', data))).toEqual(data);
  });

  it('accepts table, json and yaml only', () => {
    expect(parseOutputFormat('yaml')).toBe('yaml');
    expect(() => parseOutputFormat('xml')).toThrow(UsageError);
  });

  it('prints ages as kubectl does', () => {
    const now = Date.parse('2026-01-03T10:00:00Z');
    expect(
      ['2026-01-03T09:59:15Z', '2026-01-03T09:30:00Z', '2026-01-03T07:00:00Z', '2025-12-30T10:00:00Z', '0001-01-01T00:00:00Z'].map((t) => age(t, now)),
    ).toEqual(['45s', '30m', '3h', '4d', '<unknown>']);
  });

  it('enables colours on a terminal without NO_COLOR only', () => {
    expect(colorsFor({ isTTY: true }, {}).isColorSupported).toBe(true);
    expect(colorsFor({ isTTY: true }, { NO_COLOR: '' }).isColorSupported).toBe(false);
    expect(colorsFor({ isTTY: false }, {}).isColorSupported).toBe(false);
    expect(colorsFor({ isTTY: true }, { TERM: 'dumb' }).isColorSupported).toBe(false);
  });
});

describe('the rollout display off a terminal', () => {
  it('prints a line each time the count changes', () => {
    const lines: string[] = [];
    const view = progressView({ write: (t: string) => lines.push(t) }, colorsFor({}, {}));
    view.progress({ ready: 0, target: 3, outdated: 3, done: false }, 'v2.0.0');
    view.progress({ ready: 0, target: 3, outdated: 3, done: false }, 'v2.0.0');
    view.progress({ ready: 3, target: 3, outdated: 0, done: true }, 'v2.0.0');
    view.stop();
    expect(lines).toEqual(['rooms ready on v2.0.0: 0/3, 3 on other versions\n', 'rooms ready on v2.0.0: 3/3\n']);
  });
});
