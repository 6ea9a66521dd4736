import { HttpException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type Logger, LOGGER, LogField, isDomainError } from '@maestro/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BODY_LIMIT } from './fastify-edge';
import { type ErrorBody, GrpcCode, KIND_STATUS, errorBody } from './grpc-status';
import { RouteRegistry } from './route-registry';

/** The status and body an error is answered with. */
export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
}

/** Message of errors that are neither domain nor HTTP errors (their details go to the log only). */
export const INTERNAL_ERROR_MESSAGE = 'internal error';

/** Status code -> gRPC code for HTTP errors raised outside the domain (pipes, routing, parsing). */
export function grpcCodeOfStatus(status: number): number {
  if (status === 401) return GrpcCode.Unauthenticated;
  if (status === 403) return GrpcCode.PermissionDenied;
  if (status === 404) return GrpcCode.NotFound;
  if (status === 409) return GrpcCode.AlreadyExists;
  if (status === 429) return GrpcCode.ResourceExhausted;
  if (status === 501 || status === 405) return GrpcCode.Unimplemented;
  if (status >= 400 && status < 500) return GrpcCode.InvalidArgument;
  return GrpcCode.Unknown;
}

/**
 * What every error is answered with: Maestro's body `{"code","message","details":[]}` and
 * grpc-gateway's status. Domain errors by kind (unexpected ones keep their message, as Maestro's
 * do), HTTP errors of the edge (validation, JSON parsing) by status, unmatched routes 404 or 501,
 * and anything else 500 with a generic message, logged in full. Used by MaestroExceptionFilter for
 * controllers and by direct routes.
 */
@Injectable()
export class ErrorAnswers {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(RouteRegistry) private readonly routes: RouteRegistry,
    @Inject(BODY_LIMIT) private readonly bodyLimitBytes: number,
  ) {}

  /** Sends the answer of `exception` to the request. */
  send(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const { status, body } = this.answer(exception, request);
    void reply.status(status).header('content-type', 'application/json').send(body);
  }

  answer(exception: unknown, request: FastifyRequest): ErrorAnswer {
    return isRoutingMiss(exception) ? this.routingMiss(request) : this.describe(exception, request);
  }

  private routingMiss(request: FastifyRequest): ErrorAnswer {
    return this.routes.servesPathWithOtherMethod(request.method, request.url)
      ? { status: 501, body: errorBody(GrpcCode.Unimplemented, 'Method Not Allowed') }
      : { status: 404, body: errorBody(GrpcCode.NotFound, 'Not Found') };
  }

  private describe(exception: unknown, request: FastifyRequest): ErrorAnswer {
    const fields = { method: request.method, route: request.routeOptions?.url, [LogField.Error]: describeCause(exception) };
    if (isDomainError(exception)) {
      const mapped = KIND_STATUS[exception.kind];
      if (mapped.http >= 500) this.logger.error('request failed', fields);
      return { status: mapped.http, body: errorBody(mapped.code, exception.message) };
    }
    if (statusOf(exception) === 413) {
      // Fastify's parser refuses the body before any handler: its error reaches here as it is or wrapped.
      return { status: 413, body: errorBody(GrpcCode.InvalidArgument, `request body too large: this API accepts at most ${this.bodyLimitBytes} bytes`) };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status: status === 405 ? 501 : status, body: errorBody(grpcCodeOfStatus(status), httpMessage(exception)) };
    }
    // Fastify's own errors (body parsing, body too large...) carry a 4xx statusCode.
    const fastifyError = exception as { statusCode?: unknown; message?: unknown };
    if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return { status: 400, body: errorBody(GrpcCode.InvalidArgument, String(fastifyError.message ?? 'bad request')) };
    }
    this.logger.error('unexpected error', { ...fields, stack: exception instanceof Error ? exception.stack : undefined });
    return { status: 500, body: errorBody(GrpcCode.Unknown, INTERNAL_ERROR_MESSAGE) };
  }
}

function statusOf(exception: unknown): unknown {
  return exception instanceof HttpException ? exception.getStatus() : (exception as { statusCode?: unknown } | undefined)?.statusCode;
}

/** Nest answers unmatched routes with its own NotFoundException ("Cannot GET /x"). */
function isRoutingMiss(exception: unknown): boolean {
  return exception instanceof NotFoundException && /^Cannot [A-Z]+ /.test(exception.message);
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  return typeof response === 'object' && response !== null && 'message' in response ? [response.message].flat().join('; ') : exception.message;
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause ? ` (cause: ${describeCause(error.cause)})` : '';
  return `${error.message}${cause}`;
}
