import { ForwarderAddressPolicy } from '@maestro/domain';
import { AddressAdmission, type ResolveHost } from './address-admission';

describe('forwarder addresses at dial time', () => {
  const policy = ForwarderAddressPolicy.parse('matchmaker.games.svc, 10.0.0.0/8');
  let now = 0;
  let lookups: string[];
  const resolveTo =
    (table: Record<string, string[]>): ResolveHost =>
    async (host) => {
      lookups.push(host);
      const found = table[host];
      if (!found) throw new Error(`ENOTFOUND ${host}`);
      return found;
    };

  beforeEach(() => {
    now = 0;
    lookups = [];
  });

  it('admits listed names and addresses in the networks without resolving them', async () => {
    const admission = new AddressAdmission(policy, 1_000, () => now, resolveTo({}));
    expect(await admission.admits('matchmaker.games.svc:9090')).toBe(true);
    expect(await admission.admits('10.2.3.4:9090')).toBe(true);
    expect(await admission.admits('127.0.0.1:9090')).toBe(false);
    expect(lookups).toEqual([]);
  });

  it('admits another name only when every address it resolves to lies in the networks', async () => {
    const admission = new AddressAdmission(
      policy,
      1_000,
      () => now,
      resolveTo({ inside: ['10.0.0.5'], mixed: ['10.0.0.6', '169.254.169.254'], outside: ['192.168.1.1'] }),
    );
    expect(await admission.admits('inside:9090')).toBe(true);
    expect(await admission.admits('mixed:9090')).toBe(false);
    expect(await admission.admits('outside:9090')).toBe(false);
    expect(await admission.admits('unknown:9090')).toBe(false);
  });

  it('keeps an admission as long as a channel lives, then resolves again', async () => {
    const table = { mm: ['10.0.0.5'] };
    const admission = new AddressAdmission(policy, 1_000, () => now, resolveTo(table));
    expect(await admission.admits('mm:9090')).toBe(true);
    expect(await admission.admits('mm:9090')).toBe(true);
    expect(lookups).toEqual(['mm']);
    table.mm = ['8.8.8.8'];
    now = 1_001;
    expect(await admission.admits('mm:9090')).toBe(false);
  });

  it('admits everything under *', async () => {
    const admission = new AddressAdmission(ForwarderAddressPolicy.allowAll(), 1_000, () => now, resolveTo({}));
    expect(await admission.admits('anything:1')).toBe(true);
  });
});
