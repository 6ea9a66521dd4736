import { MIGRATIONS } from './index';

describe('migrations', () => {
  it('are named <VerbNoun><unix-ms>, listed in time order, each with a down step', () => {
    const stamps = MIGRATIONS.map((migration) => {
      const instance = new migration();
      expect(instance.name).toBe(migration.name);
      expect(migration.name).toMatch(/^(Create|Add|Drop|Alter|Rename)[A-Z][A-Za-z]+\d{13}$/);
      expect(typeof instance.down).toBe('function');
      return Number(/\d{13}$/.exec(migration.name)?.[0]);
    });
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).toBe(stamps.length);
  });
});
