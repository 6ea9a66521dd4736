import { randomInt } from 'node:crypto';

/** The Kubernetes name-suffix alphabet (no vowels, no confusable characters). */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_BASE_LENGTH = 58;

/** `<scheduler name, at most 58 chars>-<5 random chars of the name-suffix alphabet>` (runtime-kubernetes.md 3.1). */
export function gameRoomName(schedulerName: string, random: (maxExclusive: number) => number = randomInt): string {
  const suffix = Array.from({ length: 5 }, () => NAME_SUFFIX_ALPHABET[random(NAME_SUFFIX_ALPHABET.length)]).join('');
  return `${schedulerName.slice(0, MAX_BASE_LENGTH)}-${suffix}`;
}
