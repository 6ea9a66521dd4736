import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestAuthenticator } from './request-authenticator';

/** Runs the app's {@link RequestAuthenticator} before every controller route. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(@Inject(RequestAuthenticator) private readonly authenticator: RequestAuthenticator) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const http = execution.switchToHttp();
    await this.authenticator.authenticate(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
    return true;
  }
}
