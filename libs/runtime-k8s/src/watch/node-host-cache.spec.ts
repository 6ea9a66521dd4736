import type { V1Node } from '@kubernetes/client-node';
import { NodeHostCache } from './node-host-cache';

const node = (address: string): V1Node => ({ status: { addresses: [{ type: 'ExternalIP', address }] } });

describe('NodeHostCache', () => {
  it('reads a node once per ttl, sharing concurrent reads', async () => {
    let now = 0;
    const reads: string[] = [];
    const cache = new NodeHostCache(
      async (name) => (reads.push(name), node(`1.1.1.${reads.length}`)),
      1000,
      () => now,
    );
    expect(await Promise.all([cache.resolve('n1'), cache.resolve('n1')])).toEqual(['1.1.1.1', '1.1.1.1']);
    now = 999;
    expect(await cache.resolve('n1')).toBe('1.1.1.1');
    expect(await cache.resolve('n2')).toBe('1.1.1.2');
    now = 1000;
    expect(await cache.resolve('n1')).toBe('1.1.1.3');
    expect(reads).toEqual(['n1', 'n2', 'n1']);
  });

  it('does not cache failures', async () => {
    let fail = true;
    const cache = new NodeHostCache(async () => (fail ? { status: { addresses: [] } } : node('2.2.2.2')), 60_000);
    await expect(cache.resolve('n')).rejects.toThrow("game room node doesn't have public address");
    fail = false;
    expect(await cache.resolve('n')).toBe('2.2.2.2');
  });
});
