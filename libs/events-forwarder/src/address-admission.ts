import { lookup } from 'node:dns/promises';
import { ForwarderAddressPolicy, targetHost } from '@maestro/domain';

/** Resolves a host name to every address it has (node's resolver by default). */
export type ResolveHost = (host: string) => Promise<string[]>;

const resolveWithSystem: ResolveHost = async (host) => (await lookup(host, { all: true })).map((entry) => entry.address);

/**
 * The dial-time half of `adapters.grpc.allowedAddresses`: before a channel to an address opens,
 * the address must pass the policy, and a host name allowed only through networks must resolve
 * into them, every address of it. A verdict holds as long as the channel it admits (`ttlMs`).
 */
export class AddressAdmission {
  private readonly admitted = new Map<string, number>();

  constructor(
    private readonly policy: ForwarderAddressPolicy,
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly resolve: ResolveHost = resolveWithSystem,
  ) {}

  /** Whether a channel to `address` may be opened. */
  async admits(address: string): Promise<boolean> {
    if (this.policy.allowsAnywhere) return true;
    const until = this.admitted.get(address);
    if (until !== undefined && until > this.now()) return true;
    const allowed = await this.decide(address);
    if (allowed) this.admitted.set(address, this.now() + this.ttlMs);
    return allowed;
  }

  private async decide(address: string): Promise<boolean> {
    const verdict = this.policy.check(address);
    if (verdict !== 'resolve') return verdict === 'allowed';
    const host = targetHost(address);
    if (host === undefined) return false;
    const addresses = await this.resolve(host).catch(() => []);
    return addresses.length > 0 && addresses.every((ip) => this.policy.allowsIp(ip));
  }
}
