import { StoreError } from '../store/object-store';

/** One entry of a 422 Status' `details.causes`. */
export interface Cause {
  reason: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueNotSupported' | 'FieldValueDuplicate' | 'FieldValueForbidden';
  message: string;
  field: string;
}

/** The API server's text of a field error list: one error as is, several in brackets. */
const aggregate = (causes: Cause[]): string => {
  const texts = causes.map((c) => `${c.field}: ${c.message}`);
  return texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
};

/**
 * An Invalid (422) error carrying every cause, like the API server's field error lists.
 * `group` qualifies the kind (`ListOptions.meta.k8s.io "" is invalid: ...`) and goes to the Status details.
 */
export class InvalidError extends StoreError {
  constructor(
    readonly objectKind: string,
    readonly objectName: string,
    readonly causes: Cause[],
    readonly group?: string,
  ) {
    super(422, 'Invalid', `${group ? `${objectKind}.${group}` : objectKind} "${objectName}" is invalid: ${aggregate(causes)}`);
  }
}

export const required = (field: string): Cause => ({ reason: 'FieldValueRequired', field, message: 'Required value' });

export const forbidden = (field: string, why: string): Cause => ({ reason: 'FieldValueForbidden', field, message: `Forbidden: ${why}` });

export const invalidValue = (field: string, value: unknown, why: string): Cause => ({
  reason: 'FieldValueInvalid',
  field,
  message: `Invalid value: ${JSON.stringify(value)}: ${why}`,
});

/** A bad value as the API server prints it: strings quoted, string slices as Go's `[]string{"a", "b"}`. */
const shown = (value: unknown): string =>
  Array.isArray(value) ? `[]string{${value.map((v) => JSON.stringify(String(v))).join(', ')}}` : JSON.stringify(value);

export const notSupported = (field: string, value: unknown, supported: string[]): Cause => ({
  reason: 'FieldValueNotSupported',
  field,
  message: `Unsupported value: ${shown(value)}: supported values: ${supported.map((s) => `"${s}"`).join(', ')}`,
});

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Problems with a name that must be an RFC 1123 label (namespaces, container names). */
export function dnsLabelIssues(field: string, value: string): Cause[] {
  if (value.length > 63) return [invalidValue(field, value, 'must be no more than 63 characters')];
  if (!DNS_LABEL.test(value)) {
    return [
      invalidValue(
        field,
        value,
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
      ),
    ];
  }
  return [];
}

/** Problems with a name that must be an RFC 1123 subdomain (most object names). */
export function dnsSubdomainIssues(field: string, value: string): Cause[] {
  if (value.length > 253) return [invalidValue(field, value, 'must be no more than 253 characters')];
  if (!DNS_SUBDOMAIN.test(value)) {
    return [
      invalidValue(
        field,
        value,
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
      ),
    ];
  }
  return [];
}
