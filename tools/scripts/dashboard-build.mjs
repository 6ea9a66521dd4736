// Builds the web dashboard (apps/dashboard, Vite) into dist/apps/dashboard when its sources are newer
// than the last build, so that `npm start` stays fast when nothing changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Newest modification time (ms) of the files under `entries` (files or folders).
 * @param {string[]} entries
 */
function newestMtime(entries) {
  let newest = 0;
  for (const entry of entries) {
    if (!existsSync(entry)) continue;
    const stat = statSync(entry);
    if (stat.isDirectory()) newest = Math.max(newest, newestMtime(readdirSync(entry).map((name) => path.join(entry, name))));
    else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/**
 * Rebuilds the dashboard if needed; answers 'fresh' (nothing to do), 'built' or 'failed'.
 * @param {string} root the workspace root
 * @param {(line: string) => void} log
 * @returns {'fresh' | 'built' | 'failed'}
 */
export function buildDashboardIfNeeded(root, log) {
  const app = path.join(root, 'apps', 'dashboard');
  const built = path.join(root, 'dist', 'apps', 'dashboard', 'index.html');
  const sources = [path.join(app, 'src'), path.join(app, 'index.html'), path.join(app, 'vite.config.mts'), path.join(root, 'package-lock.json')];
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(sources)) return 'fresh';
  log('building the dashboard (its sources changed)');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(app, 'vite.config.mts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  return result.status === 0 ? 'built' : 'failed';
}
