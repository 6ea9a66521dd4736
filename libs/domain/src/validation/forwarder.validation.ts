import type { Forwarder } from '../entities/scheduler';
import { FORWARDER_TYPES } from '../entities/scheduler';
import { type IssueCollector, isOneOf, rule } from './field-rules';
import type { ForwarderAddressPolicy } from './forwarder-address.policy';
import { INPUT_LIMITS } from './input-limits';

/** Rules of one events forwarder (management-api.md 5, plus this project's bounds), in Go struct order. */
export function collectForwarderIssues(f: Forwarder, at: IssueCollector, addresses?: ForwarderAddressPolicy): void {
  const { forwarderNameLength: nameLimit, forwarderAddressLength: addressLimit, forwarderTimeoutMinMs: minMs, forwarderTimeoutMaxMs: maxMs } = INPUT_LIMITS;
  at.check(f.name === '', 'Name', 'required', rule.required) || at.check(f.name.length > nameLimit, 'Name', 'max', (n) => rule.maxLength(n, nameLimit));
  at.check(f.forwardType === '', 'ForwardType', 'required', rule.required) ||
    at.check(!isOneOf(f.forwardType, FORWARDER_TYPES), 'ForwardType', 'forwarder_type', rule.forwarderType);
  at.check(f.address === '', 'Address', 'required', rule.required) ||
    at.check(f.address.length > addressLimit, 'Address', 'max', (n) => rule.maxLength(n, addressLimit)) ||
    at.check(addresses?.check(f.address) === 'denied', 'Address', 'allowed_address', (n) => `${n} must be a host or network allowed for forwarders`);
  if (f.options) {
    const options = at.at('Options');
    const timeoutMs = f.options.timeoutMs;
    options.check(!timeoutMs, 'Timeout', 'required', rule.required) ||
      options.check(timeoutMs < minMs, 'Timeout', 'min', (n) => `${n} must be ${minMs}ms or greater`) ||
      options.check(timeoutMs > maxMs, 'Timeout', 'max', (n) => `${n} must be ${maxMs}ms or less`);
  }
}
