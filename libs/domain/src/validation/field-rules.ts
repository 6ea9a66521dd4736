import type { FieldIssue } from '../errors/domain-error';

/**
 * Message templates of Maestro's validator (go-playground English pack plus custom ones),
 * `{0}` = the Go field name; management-api.md section 5.1.
 */
export const rule = {
  required: (field: string) => `${field} is a required field`,
  min: (field: string, min: number) => `${field} must be ${min} or greater`,
  max: (field: string, max: number) => `${field} must be ${max} or less`,
  maxLength: (field: string, max: number) => `${field} must be a maximum of ${max} characters`,
  gt: (field: string, value: number) => `${field} must be greater than ${value}`,
  lt: (field: string, value: number) => `${field} must be less than ${value}`,
  ltField: (field: string, other: string) => `${field} must be less than ${other}`,
  oneOf: (field: string, values: readonly string[]) => `${field} must be one of [${values.join(' ')}]`,
  kubeResourceName: (field: string) => `${field} must follow the public RFC 1123 about naming conventions`,
  maxSurge: (field: string) =>
    `${field} must be a number greater than zero or a number greater than zero with suffix '%'`,
  imagePullPolicy: (field: string) => `${field} must be one of the following options: Always, Never, IfNotPresent`,
  portsProtocol: (field: string) => `${field} must be one of the following options: tcp, udp, sctp`,
  forwarderType: (field: string) => `${field} must be one of the following options: gRPC`,
  semanticVersion: (field: string) => `${field} must follow the semantic version pattern`,
  lowerThan: (field: string, other: string) => `${field} must be a number lower than ${other}`,
};

/** Collects issues under a Go struct path (`Scheduler.Spec.Containers[0]`). */
export class IssueCollector {
  readonly issues: FieldIssue[] = [];

  constructor(private readonly prefix: string) {}

  /** A collector for a nested struct. */
  at(segment: string): IssueCollector {
    const child = new IssueCollector(`${this.prefix}.${segment}`);
    // Children share the parent's list so the order of the report follows the struct.
    (child as { issues: FieldIssue[] }).issues = this.issues;
    return child;
  }

  /** Adds an issue for `field` when `failed`; the message template gets the field name. */
  check(failed: boolean, field: string, message: (field: string) => string): boolean {
    if (failed) this.issues.push({ path: `${this.prefix}.${field}`, message: message(field) });
    return failed;
  }
}

const RFC1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Kubernetes resource names: a DNS label of at most 63 characters. */
export function isKubeResourceName(value: string): boolean {
  return value.length <= 63 && RFC1123_LABEL.test(value);
}

/** `10` (at least 1) or `N%` (any integer, Maestro's quirk). */
export function isValidMaxSurge(value: string): boolean {
  const percent = value.endsWith('%');
  const digits = percent ? value.slice(0, -1) : value;
  if (!/^[+-]?\d+$/.test(digits)) return false;
  return percent || Number(digits) >= 1;
}

const SEMVER = /^v?(0|[1-9]\d*)(\.(0|[1-9]\d*)){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** Lenient semantic version (`v1`, `v1.1`, `v1.1.0`, with pre-release and build). */
export function isSemanticVersion(value: string): boolean {
  return SEMVER.test(value);
}
