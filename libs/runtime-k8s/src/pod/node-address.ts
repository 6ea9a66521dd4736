import { isIP } from 'node:net';
import { UnexpectedError } from '@maestro/domain';
import type { V1Node } from '@kubernetes/client-node';

/**
 * The address rooms on this node are reached at: ExternalDNS, then an ExternalIP that parses as an
 * IP, then InternalDNS, then an InternalIP that parses as an IP (runtime-kubernetes.md section 5).
 */
export function nodeAddress(node: V1Node): string {
  const addresses = node.status?.addresses ?? [];
  const first = (type: string, mustBeIp: boolean) => addresses.find((a) => a.type === type && (!mustBeIp || isIP(a.address) !== 0))?.address;
  const host = first('ExternalDNS', false) ?? first('ExternalIP', true) ?? first('InternalDNS', false) ?? first('InternalIP', true);
  if (!host) throw new UnexpectedError("game room node doesn't have public address");
  return host;
}
