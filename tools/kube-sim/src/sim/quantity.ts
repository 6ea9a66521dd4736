const SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** Parses a Kubernetes quantity (`100m`, `0.5`, `128Mi`, `1e3`); undefined when malformed. */
export function parseQuantity(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return 0;
  const match = /^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(String(text).trim());
  if (!match) return undefined;
  return Number(match[1]) * SUFFIX[match[2] ?? ''];
}
