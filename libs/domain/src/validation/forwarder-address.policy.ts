import { BlockList, isIP } from 'node:net';

/** What a policy says of an address: allowed, denied, or allowed if the name resolves into an allowed network. */
export type AddressVerdict = 'allowed' | 'denied' | 'resolve';

/**
 * Where events forwarders may connect (`MAESTRO_ADAPTERS_GRPC_ALLOWEDADDRESSES`): a comma-separated
 * list of `*` (anywhere), host names (`matchmaker.games.svc`), domain suffixes (`*.games.svc`), IP
 * addresses and CIDR networks (`10.0.0.0/8`, `fd00::/8`). A host name that no name entry allows is
 * checked against the networks once resolved, when it is dialled.
 */
export class ForwarderAddressPolicy {
  private constructor(
    private readonly anywhere: boolean,
    private readonly names: readonly string[],
    private readonly suffixes: readonly string[],
    private readonly networks: BlockList,
    private readonly hasNetworks: boolean,
  ) {}

  /** The policy that allows every address (Maestro's behaviour). */
  static allowAll(): ForwarderAddressPolicy {
    return ForwarderAddressPolicy.parse('*');
  }

  /** Parses the configuration value; throws an Error naming a malformed entry. */
  static parse(text: string): ForwarderAddressPolicy {
    const entries = text
      .split(',')
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean);
    const networks = new BlockList();
    const names: string[] = [];
    const suffixes: string[] = [];
    let anywhere = false;
    let hasNetworks = false;
    for (const entry of entries) {
      if (entry === '*') anywhere = true;
      else if (addNetwork(networks, entry)) hasNetworks = true;
      else if (entry.startsWith('*.') && HOST_NAME.test(entry.slice(2))) suffixes.push(entry.slice(1));
      else if (HOST_NAME.test(entry)) names.push(entry);
      else throw new Error(`invalid forwarder address entry: ${entry}`);
    }
    return new ForwarderAddressPolicy(anywhere, names, suffixes, networks, hasNetworks);
  }

  /** Whether every address is allowed. */
  get allowsAnywhere(): boolean {
    return this.anywhere;
  }

  /** The verdict on a forwarder's gRPC target (`host:port`, `[v6]:port`, `dns:///host:port`). */
  check(address: string): AddressVerdict {
    if (this.anywhere) return 'allowed';
    const host = targetHost(address);
    if (host === undefined) return 'denied';
    if (isIP(host) !== 0) return this.allowsIp(host) ? 'allowed' : 'denied';
    if (this.names.includes(host) || this.suffixes.some((suffix) => host.endsWith(suffix))) return 'allowed';
    return this.hasNetworks ? 'resolve' : 'denied';
  }

  /** Whether a resolved IP address lies in an allowed network. */
  allowsIp(ip: string): boolean {
    if (this.anywhere) return true;
    const family = isIP(ip);
    return family !== 0 && this.networks.check(ip, family === 6 ? 'ipv6' : 'ipv4');
  }
}

const HOST_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function addNetwork(networks: BlockList, entry: string): boolean {
  const [ip, bits, ...rest] = entry.split('/');
  const family = isIP(ip);
  if (family === 0 || rest.length > 0) return false;
  const maxBits = family === 6 ? 32 * 4 : 32;
  const prefix = bits === undefined ? maxBits : Number(bits);
  if (!/^\d+$/.test(bits ?? String(maxBits)) || prefix > maxBits) return false;
  networks.addSubnet(ip, prefix, family === 6 ? 'ipv6' : 'ipv4');
  return true;
}

/**
 * The host of a gRPC target as grpc-js reads it: an optional `dns:` scheme (with or without an
 * authority), then `host`, `host:port` or `[ipv6]:port`. Other schemes (unix, ipv4 lists) give undefined.
 */
export function targetHost(address: string): string | undefined {
  let rest = address.trim().toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(rest);
  if (scheme && !/^\d+$/.test(rest.slice(scheme[0].length).split('/')[0] ?? '')) {
    if (scheme[1] !== 'dns') return undefined;
    rest = rest.slice(scheme[0].length);
    if (rest.startsWith('//')) rest = rest.slice(rest.indexOf('/', 2) + 1);
  }
  if (rest.startsWith('[')) {
    const end = rest.indexOf(']');
    return end > 0 ? rest.slice(1, end) : undefined;
  }
  const colons = rest.split(':').length - 1;
  if (colons > 1) return isIP(rest) === 6 ? rest : undefined;
  const host = colons === 1 ? rest.slice(0, rest.indexOf(':')) : rest;
  return host === '' ? undefined : host;
}
