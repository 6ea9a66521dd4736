import { status } from '@grpc/grpc-js';
import { grpcCodeName, grpcStatusOf } from './grpc-status-names';

describe('gRPC status names', () => {
  it.each([
    [status.UNAVAILABLE, 'Unavailable'],
    [status.DEADLINE_EXCEEDED, 'DeadlineExceeded'],
    [status.UNIMPLEMENTED, 'Unimplemented'],
    [status.CANCELLED, 'Canceled'],
    [status.RESOURCE_EXHAUSTED, 'ResourceExhausted'],
    [42, 'Code(42)'],
  ])('names code %d as Go prints it: %s', (code, name) => {
    expect(grpcCodeName(code)).toBe(name);
  });

  it('reads the status code of call errors only', () => {
    expect(grpcStatusOf(Object.assign(new Error('x'), { code: status.UNAVAILABLE }))).toBe(status.UNAVAILABLE);
    expect(grpcStatusOf(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBeUndefined();
    expect(grpcStatusOf(null)).toBeUndefined();
  });
});
