import { ValidateBy, type ValidationOptions } from 'class-validator';

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/** protobuf JSON int32: an integer within 32 bits. */
export function IsInt32(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInt32',
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= INT32_MIN && (value as number) <= INT32_MAX,
        defaultMessage: () => '$property must be a 32-bit integer',
      },
    },
    options,
  );
}
