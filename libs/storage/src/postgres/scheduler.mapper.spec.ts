import { aScheduler } from '@maestro/testing';
import { schedulerFromRow, schedulerToRow, versionToRow } from './scheduler.mapper';

describe('scheduler mapper', () => {
  const scheduler = aScheduler().withName('s').withVersion('v1.2.0').with({ rollbackVersion: 'v1.1.0', state: 'in-sync' }).build();
  const row = { ...schedulerToRow(scheduler), createdAt: new Date('2026-01-01T00:00:00Z') };

  it('takes createdAt and rollbackVersion from the version row when there is one', () => {
    const read = schedulerFromRow(row, { createdAt: new Date('2026-02-01T00:00:00Z'), rollbackVersion: 'v1.1.0' });
    expect(read).toEqual({ ...scheduler, createdAt: new Date('2026-02-01T00:00:00Z') });
  });

  it('falls back to the row insert time and an empty rollback version', () => {
    const read = schedulerFromRow(row);
    expect(read.createdAt).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(read.rollbackVersion).toBe('');
    expect(schedulerFromRow({ ...row, version: null }).spec.version).toBe('');
  });

  it('writes the version row with the rollback version and the same YAML as the scheduler row', () => {
    expect(versionToRow(scheduler)).toEqual({ name: 's', version: 'v1.2.0', yaml: row.yaml, rollbackVersion: 'v1.1.0' });
  });
});
