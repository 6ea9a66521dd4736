import { InvalidArgumentError } from '../errors/domain-error';
import type { ValidationIssue } from './field-rules';

export const VALIDATION_ERROR_HEADER = 'Validation Error:';

/** Maestro's translated message (management-api.md 5.1): the header, then `<GoPath>: <message>` lines. */
export function formatValidationMessage(issues: readonly ValidationIssue[]): string {
  return [VALIDATION_ERROR_HEADER, ...issues.map((issue) => `${issue.path}: ${issue.message}`)].join('\n');
}

/**
 * The untranslated go-playground text (what PATCH reports, management-api.md 4.6 step 5):
 * `Key: '<path>' Error:Field validation for '<field>' failed on the '<tag>' tag`, one line per issue.
 */
export function formatRawValidatorText(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `Key: '${issue.path}' Error:Field validation for '${issue.field}' failed on the '${issue.tag}' tag`).join('\n');
}

/** Throws InvalidArgumentError with the translated message when there is any issue. */
export function throwIfAny(issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) throw new InvalidArgumentError(formatValidationMessage(issues), [...issues]);
}
