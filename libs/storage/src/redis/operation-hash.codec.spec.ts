import { UnexpectedError } from '@maestro/domain';
import { anOperation } from '@maestro/testing';
import { operationFromHash, operationToHash } from './operation-hash.codec';

describe('operation hash codec', () => {
  it("writes Maestro's hash fields with the status integer and Go-named history entries", () => {
    const hash = operationToHash(
      anOperation({ id: 'op', schedulerName: 's', status: 'error', createdAt: new Date('2026-01-02T10:00:00.250Z'), input: { amount: 3 } }),
    );
    expect(hash).toEqual({
      id: 'op',
      schedulerName: 's',
      status: '5',
      definitionName: 'add_rooms',
      createdAt: '2026-01-02T10:00:00.25Z',
      definitionContents: '{"amount":3}',
      executionHistory: '[{"CreatedAt":"2026-01-02T10:00:00Z","Event":"Created"}]',
    });
  });

  it('reads back what it wrote', () => {
    const op = anOperation({ status: 'in_progress', input: { scheduler: { Name: 'x' } } });
    expect(operationFromHash(operationToHash(op))).toEqual(op);
  });

  it('keeps who asked for an operation in a requestedBy field, absent when nobody did', () => {
    const op = anOperation({ requestedBy: 'ops-team' });
    expect(operationToHash(op).requestedBy).toBe('ops-team');
    expect(operationFromHash(operationToHash(op))).toEqual(op);
    expect(operationToHash(anOperation())).not.toHaveProperty('requestedBy');
    expect(operationFromHash(operationToHash(anOperation()))).not.toHaveProperty('requestedBy');
  });

  it("reads Maestro's nanosecond, local-zone times and Lua-encoded histories", () => {
    const op = operationFromHash({
      id: 'op',
      schedulerName: 's',
      status: '3',
      definitionName: 'health_controller',
      createdAt: '2026-01-02T07:00:00.123456789-03:00',
      definitionContents: '{"took_action":false}',
      executionHistory: '[{"Event":"Created","CreatedAt":"2026-01-02T10:00:00.123456789Z"}]',
    });
    expect(op.createdAt.toISOString()).toBe('2026-01-02T10:00:00.123Z');
    expect(op.status).toBe('finished');
    expect(op.executionHistory).toEqual([{ createdAt: new Date('2026-01-02T10:00:00.123Z'), event: 'Created' }]);
  });

  it('rejects unknown statuses and malformed JSON as unexpected errors', () => {
    const good = operationToHash(anOperation());
    expect(() => operationFromHash({ ...good, status: '9' })).toThrow(UnexpectedError);
    expect(() => operationFromHash({ ...good, definitionContents: '{' })).toThrow(UnexpectedError);
  });
});
