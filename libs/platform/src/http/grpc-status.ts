import type { DomainErrorKind } from '@maestro/domain';

/** gRPC codes used in Maestro's error bodies. */
export const GrpcCode = {
  Unknown: 2,
  InvalidArgument: 3,
  NotFound: 5,
  AlreadyExists: 6,
  PermissionDenied: 7,
  ResourceExhausted: 8,
  FailedPrecondition: 9,
  Aborted: 10,
  Unimplemented: 12,
  Unavailable: 14,
  Unauthenticated: 16,
} as const;

/** HTTP status and gRPC code of each domain error kind (grpc-gateway's mapping). */
export const KIND_STATUS: Record<DomainErrorKind, { http: number; code: number }> = {
  invalid_argument: { http: 400, code: GrpcCode.InvalidArgument },
  not_found: { http: 404, code: GrpcCode.NotFound },
  already_exists: { http: 409, code: GrpcCode.AlreadyExists },
  conflict: { http: 400, code: GrpcCode.FailedPrecondition },
  aborted: { http: 409, code: GrpcCode.Aborted },
  unavailable: { http: 503, code: GrpcCode.Unavailable },
  unexpected: { http: 500, code: GrpcCode.Unknown },
};

/** Maestro's error body: `{"code": <grpc code>, "message": "...", "details": []}`. */
export interface ErrorBody {
  code: number;
  message: string;
  details: unknown[];
}

export const errorBody = (code: number, message: string): ErrorBody => ({ code, message, details: [] });
