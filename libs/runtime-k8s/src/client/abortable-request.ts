import { type ConfigurationOptions, Observable, type ObservableMiddleware } from '@kubernetes/client-node';

/**
 * Call options of the official client that hand `signal` to the HTTP request (node-fetch aborts it
 * and the call rejects with an AbortError). Appended to the client's own middleware.
 */
export function abortableRequest(signal: AbortSignal): ConfigurationOptions {
  const middleware: ObservableMiddleware = {
    pre: (request) => {
      request.setSignal(signal);
      return new Observable(Promise.resolve(request));
    },
    post: (response) => new Observable(Promise.resolve(response)),
  };
  return { middleware: [middleware], middlewareMergeStrategy: 'append' };
}
