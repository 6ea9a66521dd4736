import { isOwnedNamespace, namespaceLabels } from './namespace-ownership';

describe('namespace ownership', () => {
  it('labels a scheduler namespace as managed by maestro for that scheduler', () => {
    expect(namespaceLabels('fleet')).toEqual({ 'app.kubernetes.io/managed-by': 'maestro', 'maestro-scheduler': 'fleet' });
  });

  it.each([
    [{ 'app.kubernetes.io/managed-by': 'maestro', 'maestro-scheduler': 'fleet' }, true],
    [{ 'app.kubernetes.io/managed-by': 'maestro', 'maestro-scheduler': 'other' }, false],
    [{ 'app.kubernetes.io/managed-by': 'helm', 'maestro-scheduler': 'fleet' }, false],
    [{ 'maestro-scheduler': 'fleet' }, false],
    [undefined, false],
  ])('owns a namespace labelled %j: %p', (labels, owned) => {
    expect(isOwnedNamespace({ metadata: { name: 'fleet', labels } }, 'fleet')).toBe(owned);
  });
});
