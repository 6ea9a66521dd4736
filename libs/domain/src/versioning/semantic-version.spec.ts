import { formatVersion, nextVersion, parseVersion } from './semantic-version';

describe('lenient semantic versions (storage.md 3.1)', () => {
  it.each([
    ['v1.1', { prefix: 'v', major: 1, minor: 1, patch: 0 }],
    ['v1.0.0', { prefix: 'v', major: 1, minor: 0, patch: 0 }],
    ['2', { prefix: '', major: 2, minor: 0, patch: 0 }],
    ['3.4.5-rc.1', { prefix: '', major: 3, minor: 4, patch: 5 }],
  ])('parses %s', (text, expected) => {
    expect(parseVersion(text)).toEqual(expected);
  });

  it('refuses text that is not a version', () => {
    expect(() => parseVersion('one')).toThrow('failed to parse scheduler version one');
  });

  it('prints the prefix it parsed', () => {
    expect(formatVersion(parseVersion('v1.1'))).toBe('v1.1.0');
    expect(formatVersion(parseVersion('1.1'))).toBe('1.1.0');
  });
});

describe('nextVersion', () => {
  it('follows the e2e flow v1.0.0 -> v1.1.0 -> v2.0.0 -> switch v1.0.0 -> v1.2.0 -> v3.0.0', () => {
    const existing = ['v1.0.0'];
    let active = 'v1.0.0';
    const newVersion = (major: boolean) => {
      active = nextVersion(active, existing, major);
      existing.push(active);
      return active;
    };
    expect(newVersion(false)).toBe('v1.1.0');
    expect(newVersion(true)).toBe('v2.0.0');
    active = 'v1.0.0'; // switch: no new row
    expect(newVersion(false)).toBe('v1.2.0');
    expect(newVersion(true)).toBe('v3.0.0');
    expect(existing).toEqual(['v1.0.0', 'v1.1.0', 'v2.0.0', 'v1.2.0', 'v3.0.0']);
  });

  it('takes the highest minor of the active major only', () => {
    expect(nextVersion('v2.0.0', ['v1.0.0', 'v1.7.0', 'v2.0.0', 'v2.3.0', 'v3.0.0'], false)).toBe('v2.4.0');
  });

  it('takes the highest major of all versions', () => {
    expect(nextVersion('v1.0.0', ['v1.0.0', 'v5.0.0', 'v2.0.0'], true)).toBe('v6.0.0');
  });

  it('reads short versions and resets the patch', () => {
    expect(nextVersion('v1.1', ['v1.1'], false)).toBe('v1.2.0');
    expect(nextVersion('v1.0.3', ['v1.0.3'], false)).toBe('v1.1.0');
  });
});
