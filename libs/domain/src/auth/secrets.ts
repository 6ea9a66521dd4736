import { createHash, createHmac, randomBytes } from 'node:crypto';

/** A new high-entropy secret (256 random bits, base64url). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a token's secret: its SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Whether two strings are equal, in time that depends on their length only: every character is
 * compared, whatever the first difference. For values whose length is public (digests of secrets,
 * room tokens); no digest or Buffer per call, which the hot paths paid.
 */
export function constantTimeEquals(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * A room's credential: base64url(HMAC-SHA256(secret, `<scheduler>/<roomId>`)). The worker puts it in
 * the room's pod as MAESTRO_ROOM_TOKEN; the rooms API checks a room's calls with it (RoomTokenCheck).
 */
export function roomToken(secret: string, schedulerName: string, roomId: string): string {
  return createHmac('sha256', secret).update(`${schedulerName}/${roomId}`, 'utf8').digest('base64url');
}
