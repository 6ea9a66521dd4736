import { parseListOperationsQuery } from './list-operations.query';

describe('GET .../operations query', () => {
  it('defaults to createdAt desc, page 1 and 15 per page', () => {
    expect(parseListOperationsQuery({ stage: 'final' })).toEqual({ stage: 'final', sortOrder: 'desc', page: 1, perPage: 15 });
  });

  it.each(['', ' ', '\t \n'])('falls back to createdAt desc for an empty or blank orderBy (%j), as Maestro does', (orderBy) => {
    expect(parseListOperationsQuery({ stage: 'final', orderBy }).sortOrder).toBe('desc');
  });

  it('accepts an explicit ascending order', () => {
    expect(parseListOperationsQuery({ stage: 'pending', orderBy: 'createdAt asc' }).sortOrder).toBe('asc');
  });

  it.each([
    [{ stage: 'final', orderBy: 'createdAt asc extra' }, 'invalid sorting parameters number'],
    [{ stage: 'final', orderBy: 'name' }, 'invalid sorting field: name'],
    [{ stage: 'final', orderBy: 'createdAt up' }, 'invalid sorting order: up'],
    [{ stage: 'final', page: '0' }, 'page must be greater than 0'],
    [{ stage: 'final', perPage: '101' }, 'page size must be between 0 and 100'],
    [{ stage: 'final', perPage: '0' }, 'page size must be between 0 and 100'],
    [{ stage: 'pending', page: '2' }, 'there is no pagination filter implemented for pending stage'],
    [{ stage: 'active', perPage: '5' }, 'there is no pagination filter implemented for active stage'],
    [{ stage: 'done' }, 'invalid stage filter: done'],
    [{}, 'invalid stage filter: '],
    [{ stage: 'final', page: 'two' }, 'page: invalid value "two" for type uint32'],
  ])('rejects %j with "%s"', (query, message) => {
    expect(() => parseListOperationsQuery(query)).toThrow(message);
  });
});
