import { parseFieldSelector, parseLabelSelector } from './selectors';

describe('label selectors', () => {
  const labels = { heritage: 'maestro', version: 'v1', tier: 'game' };
  it.each([
    ['heritage=maestro', true],
    ['heritage==maestro,version=v1', true],
    ['heritage!=maestro', false],
    ['version in (v1,v2)', true],
    ['version notin (v1)', false],
    ['tier', true],
    ['!tier', false],
    ['missing', false],
    ['', true],
  ])('%p matches: %s', (selector, expected) => {
    expect(parseLabelSelector(selector)(labels)).toBe(expected);
  });
});

describe('field selectors', () => {
  const pod = { metadata: { name: 'p', namespace: 'ns' }, spec: { nodeName: 'node-1' }, status: { phase: 'Running' } };
  it.each([
    ['metadata.name=p', true],
    ['metadata.namespace=other', false],
    ['spec.nodeName=node-1,status.phase!=Pending', true],
  ])('%p matches: %s', (selector, expected) => {
    expect(parseFieldSelector(selector)(pod)).toBe(expected);
  });

  it("refuses unknown fields and selectors it cannot read with the API server's texts", () => {
    expect(() => parseFieldSelector('spec.magic=1')).toThrow(new Error('field label not supported: spec.magic'));
    expect(() => parseFieldSelector('metadata.name=p,phase')).toThrow(new Error("invalid selector: 'metadata.name=p,phase'; can't understand 'phase'"));
  });
});
