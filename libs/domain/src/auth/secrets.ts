import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new high-entropy secret (256 random bits, base64url). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a token's secret: its SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether two strings are equal, compared in time independent of where they differ. */
export function constantTimeEquals(a: string, b: string): boolean {
  // Hashing first gives both sides the same length, so the comparison leaks no length either.
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right);
}

/**
 * A room's credential: base64url(HMAC-SHA256(secret, `<scheduler>/<roomId>`)). The worker puts it in
 * the room's pod as MAESTRO_ROOM_TOKEN; the rooms API checks a room's calls with it (RoomTokenCheck).
 */
export function roomToken(secret: string, schedulerName: string, roomId: string): string {
  return createHmac('sha256', secret).update(`${schedulerName}/${roomId}`, 'utf8').digest('base64url');
}
