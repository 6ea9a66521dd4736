import type { Forwarder } from '../entities/scheduler';
import { FORWARDER_TYPES } from '../entities/scheduler';
import { type IssueCollector, isOneOf, rule } from './field-rules';

/** Rules of one events forwarder (management-api.md 5), in Go struct order. */
export function collectForwarderIssues(f: Forwarder, at: IssueCollector): void {
  at.check(f.name === '', 'Name', 'required', rule.required);
  at.check(f.forwardType === '', 'ForwardType', 'required', rule.required) ||
    at.check(!isOneOf(f.forwardType, FORWARDER_TYPES), 'ForwardType', 'forwarder_type', rule.forwarderType);
  at.check(f.address === '', 'Address', 'required', rule.required);
  if (f.options) at.at('Options').check(!f.options.timeoutMs, 'Timeout', 'required', rule.required);
}
