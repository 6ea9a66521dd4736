import { ForwarderAddressPolicy } from '@maestro/domain';
import type { MaestroConfig } from './maestro-config';

/** The events forwarder's options (libs/events-forwarder GrpcForwarderOptions) from the configuration. */
export function forwarderOptionsOf(c: MaestroConfig) {
  return {
    keepAliveTimeMs: c.grpc.keepAliveTimeMs,
    keepAliveTimeoutMs: c.grpc.keepAliveTimeoutMs,
    allowedAddresses: ForwarderAddressPolicy.parse(c.grpc.allowedAddresses),
  };
}
