import { randomInt } from 'node:crypto';

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** `<scheduler name, at most 58 chars>-<5 chars of the Kubernetes name-suffix alphabet>`. */
export function gameRoomName(schedulerName: string): string {
  const suffix = Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${schedulerName.slice(0, 58)}-${suffix}`;
}
