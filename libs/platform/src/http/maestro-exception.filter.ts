import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorAnswers } from './error-answers';

/** Answers every error of a controller route as {@link ErrorAnswers} words it. */
@Catch()
export class MaestroExceptionFilter implements ExceptionFilter {
  constructor(@Inject(ErrorAnswers) private readonly answers: ErrorAnswers) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.answers.send(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}
