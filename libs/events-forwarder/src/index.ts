export * from './grpc-events.forwarder';
export * from './forwarder-proto';
export * from './events-forwarder.module';
