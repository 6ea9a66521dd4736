import { apiErrorCode, describeApiError } from './api-errors';

describe('API errors', () => {
  it('reads the status code of client exceptions, watch errors and Status objects', () => {
    expect(apiErrorCode({ code: 409 })).toBe(409);
    expect(apiErrorCode(Object.assign(new Error('Gone'), { statusCode: 410 }))).toBe(410);
    expect(apiErrorCode({ kind: 'Status', code: 410, reason: 'Expired' })).toBe(410);
    expect(apiErrorCode(new Error('x'))).toBeUndefined();
    expect(apiErrorCode(null)).toBeUndefined();
    expect(apiErrorCode({ code: 'ECONNRESET' })).toBeUndefined();
  });

  it('describes an error by its Status message', () => {
    expect(describeApiError({ body: JSON.stringify({ kind: 'Status', message: 'pods "x" already exists' }) })).toBe('pods "x" already exists');
    expect(describeApiError({ body: { message: 'parsed' } })).toBe('parsed');
    expect(describeApiError({ body: 'not json' })).toBe('not json');
    expect(describeApiError(new Error('plain'))).toBe('plain');
    expect(describeApiError('text')).toBe('text');
  });
});
