export * from './go-format';
export * from './forwarder-messages';
export * from './event-attributes';
export * from './events-forwarding.errors';
export * from './message-builders';
export * from './events-forwarder.service';
