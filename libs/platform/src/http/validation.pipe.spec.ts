import type { ValidationError } from '@nestjs/common';
import { describeValidationErrors } from './validation.pipe';

describe('validation messages', () => {
  it('names nested fields and list items with their path', () => {
    const errors = [
      {
        property: 'spec',
        children: [
          {
            property: 'containers',
            children: [{ property: '0', children: [{ property: 'name', constraints: { isString: 'name must be a string' }, children: [] }] }],
          },
        ],
      },
      { property: 'maxSurge', constraints: { isString: 'maxSurge must be a string' }, children: [] },
    ] as unknown as ValidationError[];
    expect(describeValidationErrors(errors)).toEqual(['spec.containers[0].name: name must be a string', 'maxSurge: maxSurge must be a string']);
  });
});
