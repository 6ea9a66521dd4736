import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { ANONYMOUS_TOKEN, type ApiToken } from '@maestro/domain';

/** Who made a request, as the AuthGuard found it. */
export type Caller =
  /** Authentication is off, or the route is open to anyone. */
  | { kind: 'anonymous' }
  /** A management token (the bootstrap token included). */
  | { kind: 'token'; token: ApiToken }
  /** A game room, with its own token. */
  | { kind: 'room'; schedulerName: string; roomId: string };

const CALLER = Symbol('MaestroCaller');
type WithCaller = { [CALLER]?: Caller };

/** Records the caller on the request. */
export function setCaller(request: object, caller: Caller): void {
  (request as WithCaller)[CALLER] = caller;
}

/** The caller recorded on the request (anonymous when none was). */
export function callerOf(request: object): Caller {
  return (request as WithCaller)[CALLER] ?? { kind: 'anonymous' };
}

/** The token a caller acts with: its own, or an admin of every game when authentication is off. */
export function tokenOf(caller: Caller): ApiToken | undefined {
  if (caller.kind === 'token') return caller.token;
  return caller.kind === 'anonymous' ? ANONYMOUS_TOKEN : undefined;
}

/**
 * Parameter decorator: the caller's management token ({@link tokenOf}); with authentication off, an
 * anonymous admin of every game.
 */
export const CallerToken = createParamDecorator((_: unknown, execution: ExecutionContext): ApiToken | undefined =>
  tokenOf(callerOf(execution.switchToHttp().getRequest<object>())),
);
