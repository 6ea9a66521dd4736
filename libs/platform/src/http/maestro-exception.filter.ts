import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject, NotFoundException } from '@nestjs/common';
import { type Logger, LOGGER, LogField, isDomainError } from '@maestro/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GrpcCode, KIND_STATUS, errorBody } from './grpc-status';
import { RouteRegistry } from './route-registry';

/** Status code -> gRPC code for HTTP errors raised outside the domain (pipes, routing, parsing). */
function grpcCodeOfStatus(status: number): number {
  if (status === 404) return GrpcCode.NotFound;
  if (status === 409) return GrpcCode.AlreadyExists;
  if (status === 501 || status === 405) return GrpcCode.Unimplemented;
  if (status >= 400 && status < 500) return GrpcCode.InvalidArgument;
  return GrpcCode.Unknown;
}

/**
 * Answers every error with Maestro's body and status: domain errors by kind, HTTP errors of the
 * edge (validation, parsing) by status, anything else 500 with its message logged.
 */
@Catch()
export class MaestroExceptionFilter implements ExceptionFilter {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(RouteRegistry) private readonly routes: RouteRegistry,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { status, body } = this.isRoutingMiss(exception)
      ? this.routes.servesPathWithOtherMethod(request.method, request.url)
        ? { status: 501, body: errorBody(GrpcCode.Unimplemented, 'Method Not Allowed') }
        : { status: 404, body: errorBody(GrpcCode.NotFound, 'Not Found') }
      : this.describe(exception);
    void reply.status(status).header('content-type', 'application/json').send(body);
  }

  /** Nest answers unmatched routes with its own NotFoundException ("Cannot GET /x"). */
  private isRoutingMiss(exception: unknown): boolean {
    return exception instanceof NotFoundException && /^Cannot [A-Z]+ /.test(exception.message);
  }

  private describe(exception: unknown) {
    if (isDomainError(exception)) {
      const mapped = KIND_STATUS[exception.kind];
      if (mapped.http >= 500) this.logger.error('request failed', { [LogField.Error]: describeCause(exception) });
      return { status: mapped.http, body: errorBody(mapped.code, exception.message) };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response && 'message' in response
          ? [response.message].flat().join('; ')
          : exception.message;
      return { status: status === 405 ? 501 : status, body: errorBody(grpcCodeOfStatus(status), message) };
    }
    const httpish = exception as { statusCode?: number; message?: string };
    if (typeof httpish.statusCode === 'number' && httpish.statusCode >= 400 && httpish.statusCode < 500) {
      return { status: httpish.statusCode === 413 ? 413 : 400, body: errorBody(GrpcCode.InvalidArgument, httpish.message ?? 'bad request') };
    }
    this.logger.error('unexpected error', { [LogField.Error]: describeCause(exception) });
    return { status: 500, body: errorBody(GrpcCode.Unknown, exception instanceof Error ? exception.message : 'internal error') };
  }
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause ? ` (cause: ${describeCause(error.cause)})` : '';
  return `${error.message}${cause}`;
}
