export * from './grpc-events.forwarder';
export * from './forwarder-proto';
export * from './grpc-status-names';
export * from './channel-pool';
export * from './forwarder-metrics';
export * from './events-forwarder.module';
