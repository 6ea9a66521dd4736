import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** `spec.containers[0].name: name must be a string` lines, one per failing constraint. */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

/**
 * The global pipe: shape checks of request DTOs (types, nesting). Unknown fields are dropped, not
 * refused (grpc-gateway ignores them); the message names every failing field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    transform: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => new BadRequestException(describeValidationErrors(errors).join('\n')),
  });
}
