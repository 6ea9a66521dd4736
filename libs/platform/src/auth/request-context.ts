import { AsyncLocalStorage } from 'node:async_hooks';
import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Requester } from '@maestro/domain';
import { Observable } from 'rxjs';
import { callerOf } from './caller';

interface RequestScope {
  requestedBy?: string;
}

/**
 * The caller of the request being handled, for the domain's Requester port: the handler runs in an
 * AsyncLocalStorage scope holding its token's name (set by {@link RequestContextInterceptor}).
 */
export class RequestContext implements Requester {
  private readonly storage = new AsyncLocalStorage<RequestScope>();

  current(): string | undefined {
    return this.storage.getStore()?.requestedBy;
  }

  /** Runs `work` (and everything it awaits) as a request of `requestedBy`. */
  run<T>(requestedBy: string | undefined, work: () => T): T {
    return this.storage.run({ requestedBy }, work);
  }
}

/** Runs each handler in the RequestContext of its caller (after the AuthGuard named it). */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  constructor(@Inject(RequestContext) private readonly context: RequestContext) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const caller = callerOf(execution.switchToHttp().getRequest());
    const requestedBy = caller.kind === 'token' ? caller.token.name : undefined;
    return new Observable((subscriber) => this.context.run(requestedBy, () => next.handle().subscribe(subscriber)));
  }
}
