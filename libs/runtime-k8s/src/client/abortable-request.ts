import { type ConfigurationOptions, Observable, type ObservableMiddleware } from '@kubernetes/client-node';
import type { CallMeasurement } from './kubernetes-call-metrics';

/**
 * Call options of the official client that hand `signal` to the HTTP request (node-fetch aborts it
 * and the call rejects with an AbortError). Appended to the client's own middleware. With a
 * `measurement`, the request and its answer are recorded.
 */
export function abortableRequest(signal: AbortSignal, measurement?: CallMeasurement): ConfigurationOptions {
  const middleware: ObservableMiddleware = {
    pre: (request) => {
      request.setSignal(signal);
      measurement?.requested(request.getHttpMethod(), request.getUrl());
      return new Observable(Promise.resolve(request));
    },
    post: (response) => {
      measurement?.answered(response.httpStatusCode);
      return new Observable(Promise.resolve(response));
    },
  };
  return { middleware: [middleware], middlewareMergeStrategy: 'append' };
}
