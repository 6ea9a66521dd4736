import { nodeAddress } from './node-address';

const node = (...addresses: [string, string][]) => ({ status: { addresses: addresses.map(([type, address]) => ({ type, address })) } });

describe('node -> room host (runtime-kubernetes.md section 5)', () => {
  it.each<[string, ReturnType<typeof node>, string]>([
    [
      'ExternalDNS first, wherever it is listed',
      node(['InternalIP', '10.0.0.1'], ['ExternalIP', '1.2.3.4'], ['InternalDNS', 'n.internal'], ['ExternalDNS', 'n.example.com']),
      'n.example.com',
    ],
    ['ExternalDNS is not checked to be an IP', node(['ExternalDNS', 'not an ip really']), 'not an ip really'],
    ['ExternalIP before InternalDNS', node(['InternalDNS', 'n.internal'], ['ExternalIP', '1.2.3.4']), '1.2.3.4'],
    ['an ExternalIP that is not an IP is skipped', node(['ExternalIP', 'node.example.com'], ['ExternalIP', '5.6.7.8']), '5.6.7.8'],
    ['IPv6 ExternalIP, verbatim', node(['ExternalIP', '2001:db8::1']), '2001:db8::1'],
    ['InternalDNS before InternalIP', node(['InternalIP', '10.0.0.1'], ['InternalDNS', 'n.internal']), 'n.internal'],
    ['InternalIP last', node(['Hostname', 'n'], ['InternalIP', '10.0.0.1']), '10.0.0.1'],
    ['bad ExternalIP falls through to InternalIP', node(['ExternalIP', 'bogus'], ['InternalIP', 'fd00::2']), 'fd00::2'],
  ])('%s', (_case, input, host) => {
    expect(nodeAddress(input)).toBe(host);
  });

  it.each([
    ['only a hostname', node(['Hostname', 'n'])],
    ['an InternalIP that is not an IP', node(['InternalIP', 'ten.zero'])],
    ['no addresses', node()],
  ])('fails with %s', (_case, input) => {
    expect(() => nodeAddress(input)).toThrow("game room node doesn't have public address");
  });

  it('fails without a status', () => {
    expect(() => nodeAddress({})).toThrow("game room node doesn't have public address");
  });
});
