import type Redis from 'ioredis';

/** Ends a channel subscription by closing its connection (the server drops its subscriptions with it). */
export type StopListening = () => Promise<void>;

/**
 * Subscribes a dedicated connection (it enters subscriber mode) to one channel and hands every
 * message of that channel to `onMessage`. Resolves once subscribed; the connection is closed if the
 * subscription fails and when the returned function is called.
 */
export async function listenToChannel(connection: Redis, channel: string, onMessage: (message: string) => void): Promise<StopListening> {
  connection.on('message', (from: string, message: string) => {
    if (from === channel) onMessage(message);
  });
  try {
    await connection.subscribe(channel);
  } catch (error) {
    connection.disconnect();
    throw error;
  }
  // No UNSUBSCRIBE first: on a connection that is reconnecting it could wait forever.
  return async () => connection.disconnect();
}
