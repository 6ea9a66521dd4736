import type Redis from 'ioredis';

/**
 * Ends a channel subscription: nothing more is delivered, and the connection is closed (the server
 * drops its subscriptions with it) before it resolves.
 */
export type StopListening = () => Promise<void>;

/**
 * Subscribes a dedicated connection (it enters subscriber mode) to one channel and hands every
 * message of that channel to `onMessage`. Resolves once subscribed; the connection is closed if the
 * subscription fails and when the returned function is called.
 */
export async function listenToChannel(connection: Redis, channel: string, onMessage: (message: string) => void): Promise<StopListening> {
  // Messages already on their way when the subscription stops are dropped here, not delivered.
  let listening = true;
  connection.on('message', (from: string, message: string) => {
    if (listening && from === channel) onMessage(message);
  });
  try {
    await connection.subscribe(channel);
  } catch (error) {
    connection.disconnect();
    throw error;
  }
  // No UNSUBSCRIBE first: on a connection that is reconnecting it could wait forever.
  return async () => {
    listening = false;
    if (connection.status === 'end') return;
    const ended = new Promise<void>((resolve) => connection.once('end', () => resolve()));
    connection.disconnect();
    await ended;
  };
}
