import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A JSON object whose values are all strings (proto map<string,string>). */
export function IsStringMap(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringMap',
      validator: {
        validate: (value: unknown) =>
          value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string'),
        defaultMessage: () => '$property must be an object of string values',
      },
    },
    options,
  );
}

export const STRING_MAP_SCHEMA = { type: 'object', additionalProperties: { type: 'string' } } as const;
