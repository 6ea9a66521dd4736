import { ValidateBy, type ValidationOptions } from 'class-validator';

/** protobuf JSON int64: a JSON integer or a decimal string. */
export function IsInt64(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInt64',
      validator: {
        validate: (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && /^-?\d{1,18}$/.test(value)),
        defaultMessage: () => '$property must be an integer or a decimal string',
      },
    },
    options,
  );
}
