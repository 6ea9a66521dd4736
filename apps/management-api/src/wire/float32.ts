/**
 * The shortest decimal that reads back as the same 32-bit float: how Maestro's gateway prints
 * `float` fields (0.30000001192092896 is printed as 0.3).
 */
export function float32ToJson(value: number): number {
  const target = Math.fround(value);
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Number(target.toPrecision(precision));
    if (Math.fround(candidate) === target) return candidate;
  }
  return target;
}
