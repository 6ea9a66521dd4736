export const REQUESTER = Symbol('Requester');

/** Who is asking for what the current call does: the API's caller, if there is one. */
export interface Requester {
  /** The name of the caller's token; undefined for the system's own work or without authentication. */
  current(): string | undefined;
}

/** No caller: the system acts by itself (the worker) or authentication is off. */
export const noRequester: Requester = { current: () => undefined };
