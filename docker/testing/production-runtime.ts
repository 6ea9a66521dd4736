import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const WORKSPACE_ROOT = path.resolve(__dirname, '../..');

interface LockedPackage {
  dev?: boolean;
}

/**
 * The folders (node_modules/...) that `npm ci --omit=dev` installs, read from package-lock.json:
 * every locked package but those only devDependencies need. Optional packages of other
 * platforms are in the lock but not on this machine: they are left out.
 */
export function productionPackageFolders(root = WORKSPACE_ROOT): string[] {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
  return Object.entries(lock.packages)
    .filter(([folder, entry]) => folder !== '' && !entry.dev && existsSync(path.join(root, folder)))
    .map(([folder]) => folder);
}

/** Copies the production packages of the workspace's node_modules into `target`, each without its nested node_modules (those are locked entries of their own). */
function copyProductionPackages(target: string): void {
  for (const folder of productionPackageFolders()) {
    const source = path.join(WORKSPACE_ROOT, folder);
    const nested = path.join(source, 'node_modules');
    cpSync(source, path.join(target, folder), { recursive: true, filter: (file) => file !== nested });
  }
}

/**
 * The image's runtime stage, laid out on this machine under `dir` as in /app: package.json,
 * node_modules with the production dependencies only, and the compiled dist/ of the workspace
 * (built beforehand: the integration target depends on the build targets). The node_modules copy
 * is kept between runs while package-lock.json stays the same.
 */
export function stageProductionRuntime(dir: string): string {
  const lock = readFileSync(path.join(WORKSPACE_ROOT, 'package-lock.json'));
  const lockHash = createHash('sha256').update(lock).digest('hex');
  const stamp = path.join(dir, 'node_modules', '.package-lock.sha256');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
    rmSync(dir, { recursive: true, force: true });
    copyProductionPackages(dir);
    writeFileSync(stamp, lockHash);
  }
  for (const file of ['package.json', 'package-lock.json']) cpSync(path.join(WORKSPACE_ROOT, file), path.join(dir, file));
  rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(WORKSPACE_ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  return dir;
}
