/** JSON merge patch (RFC 7386); strategic merge patches are applied the same way on the fields kube-sim knows. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key.startsWith('$setElementOrder')) continue;
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

interface JsonPatchOperation {
  op: 'add' | 'replace' | 'remove' | 'test';
  path: string;
  value?: unknown;
}

/** JSON patch (RFC 6902): add, replace, remove and test on object paths. */
export function jsonPatch(target: unknown, operations: JsonPatchOperation[]): unknown {
  const doc = structuredClone(target) as Record<string, unknown>;
  for (const operation of operations) {
    const segments = operation.path
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = segments.pop();
    if (last === undefined) throw new Error(`invalid JSON patch path ${operation.path}`);
    let node: Record<string, unknown> = doc;
    for (const segment of segments) {
      if (node[segment] === undefined && operation.op === 'add') node[segment] = {};
      node = node[segment] as Record<string, unknown>;
      if (node === undefined || node === null) throw new Error(`path ${operation.path} does not exist`);
    }
    if (operation.op === 'remove') {
      if (Array.isArray(node)) node.splice(Number(last), 1);
      else delete node[last];
    } else if (operation.op === 'test') {
      if (JSON.stringify(node[last]) !== JSON.stringify(operation.value)) throw new Error(`test failed for ${operation.path}`);
    } else if (Array.isArray(node) && operation.op === 'add') {
      node.splice(last === '-' ? node.length : Number(last), 0, operation.value);
    } else {
      node[last] = operation.value;
    }
  }
  return doc;
}
