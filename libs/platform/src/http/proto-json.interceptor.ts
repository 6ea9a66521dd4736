import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';

/** Keys whose values are free-form maps: their own keys are data, never renamed. */
const MAP_FIELDS = new Set(['annotations', 'labels', 'metadata']);

const toCamel = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Renames proto snake_case keys to lowerCamelCase, leaving map contents alone. */
export function normalizeProtoJsonKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeProtoJsonKeys);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const camel = toCamel(key);
    // The lowerCamelCase spelling wins when a body carries both.
    if (camel !== key && camel in (value as Record<string, unknown>)) continue;
    result[camel] = MAP_FIELDS.has(camel) ? inner : normalizeProtoJsonKeys(inner);
  }
  return result;
}

/**
 * grpc-gateway accepts both `maxSurge` and `max_surge` in bodies and query strings; this
 * interceptor (which runs before the validation pipe) brings both to the camelCase names, and
 * gives body routes an empty object when the request has no body.
 */
@Injectable()
export class ProtoJsonInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ body?: unknown; query?: unknown; method?: string }>();
    // grpc-gateway treats an absent body as {} on routes that take one.
    if (request.body !== undefined || request.method !== 'GET') request.body = normalizeProtoJsonKeys(request.body ?? {});
    if (request.query && typeof request.query === 'object') request.query = normalizeProtoJsonKeys(request.query);
    return next.handle();
  }
}
