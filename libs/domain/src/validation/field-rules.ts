import type { FieldIssue } from '../errors/domain-error';

/**
 * Message templates of Maestro's validator (go-playground English pack plus custom ones),
 * `field` = the Go field name; management-api.md section 5.1.
 */
export const rule = {
  required: (field: string) => `${field} is a required field`,
  min: (field: string, min: number) => `${field} must be ${min} or greater`,
  max: (field: string, max: number) => `${field} must be ${max} or less`,
  maxLength: (field: string, max: number) => `${field} must be a maximum of ${max} characters`,
  maxItems: (field: string, max: number) => `${field} must contain at maximum ${max} items`,
  gt: (field: string, value: number) => `${field} must be greater than ${value}`,
  lt: (field: string, value: number) => `${field} must be less than ${value}`,
  ltField: (field: string, other: string) => `${field} must be less than ${other}`,
  oneOf: (field: string, values: readonly string[]) => `${field} must be one of [${values.join(' ')}]`,
  kubeResourceName: (field: string) => `${field} must follow the public RFC 1123 about naming conventions`,
  maxSurge: (field: string) => `${field} must be a number greater than zero or a number greater than zero with suffix '%'`,
  imagePullPolicy: (field: string) => `${field} must be one of the following options: Always, Never, IfNotPresent`,
  portsProtocol: (field: string) => `${field} must be one of the following options: tcp, udp, sctp`,
  forwarderType: (field: string) => `${field} must be one of the following options: gRPC`,
  semanticVersion: (field: string) => `${field} must follow the semantic version pattern`,
  lowerThan: (field: string, other: string) => `${field} must be a number lower than ${other}`,
  // This project's Kubernetes syntax rules (docs/compatibility/input-bounds.md).
  labelValue: (field: string) => `${field} must be a Kubernetes label value (at most 63 letters, digits, '-', '_' or '.')`,
  qualifiedName: (field: string) => `${field} must be a Kubernetes qualified name ([prefix/]name)`,
};

/** A failing field with the validator tag that failed (used for the untranslated text). */
export interface ValidationIssue extends FieldIssue {
  /** Go field name, the last segment of the path. */
  field: string;
  /** go-playground tag (`required`, `max_surge`, `ltfield`...). */
  tag: string;
}

/** Collects issues under a Go struct path (`Scheduler.Spec.Containers[0]`), in struct order. */
export class IssueCollector {
  private constructor(
    private readonly prefix: string,
    readonly issues: ValidationIssue[],
  ) {}

  /** A collector for a root struct (`Scheduler`, `Autoscaling`). */
  static root(prefix: string): IssueCollector {
    return new IssueCollector(prefix, []);
  }

  /** A collector for a nested struct; it shares the parent's list so the report follows the struct. */
  at(segment: string): IssueCollector {
    return new IssueCollector(`${this.prefix}.${segment}`, this.issues);
  }

  /** Adds an issue for `field` when `failed`; returns `failed` so that rules of one field chain with `||`. */
  check(failed: boolean, field: string, tag: string, message: (field: string) => string): boolean {
    if (failed) this.issues.push({ path: `${this.prefix}.${field}`, field, tag, message: message(field) });
    return failed;
  }
}

const RFC1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Kubernetes resource names: a DNS label (RFC 1123) of at most 63 characters. */
export function isKubeResourceName(value: string): boolean {
  return value.length <= 63 && RFC1123_LABEL.test(value);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go's `strconv.Atoi` on a 64-bit platform: optional sign, decimal digits, int64 range. */
export function parseGoInt(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : Number(value);
}

/**
 * Maestro's max_surge rule: `N` with N >= 1, or `N%` with any integer N (even `0%` and
 * negatives: Maestro's quirk, management-api.md section 5).
 */
export function isValidMaxSurge(value: string): boolean {
  const percent = value.endsWith('%');
  const parsed = parseGoInt(percent ? value.slice(0, -1) : value);
  if (parsed === undefined) return false;
  return percent || parsed >= 1;
}

const SEMVER = /^v?(0|[1-9]\d*)(\.(0|[1-9]\d*)){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** Lenient semantic version (`v1`, `v1.1`, `v1.1.0`, with pre-release and build). */
export function isSemanticVersion(value: string): boolean {
  return SEMVER.test(value);
}

/** Whether `value` is one of `allowed` (case-sensitive). */
export const isOneOf = (value: string, allowed: readonly string[]): boolean => allowed.includes(value);
