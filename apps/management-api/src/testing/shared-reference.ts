import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Reads a file of the shared reference folder that sits beside the repository (../shared). */
export function readSharedReference(relative: string): string {
  let dir = __dirname;
  while (dir !== path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', relative);
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    dir = path.dirname(dir);
  }
  throw new Error(`shared/${relative} not found beside the repository`);
}
