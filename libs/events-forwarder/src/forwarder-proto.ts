import path from 'node:path';
import { type GrpcObject, loadPackageDefinition, type ServiceClientConstructor } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

/** Path of the protocol file, next to this source file (ship `proto/` with the build). */
export const FORWARDER_PROTO_PATH = path.join(__dirname, 'proto', 'events.proto');

/** Full gRPC service name. */
export const FORWARDER_SERVICE_NAME = 'eventforwarder.GRPCForwarder';

let loaded: GrpcObject | undefined;

/**
 * The `eventforwarder` package loaded from the .proto, once per process: field names as declared
 * (`keepCase`), enums and int64 as numbers, absent fields decoded as their proto3 defaults.
 */
export function loadForwarderPackage(): GrpcObject {
  loaded ??= loadPackageDefinition(loadSync(FORWARDER_PROTO_PATH, { keepCase: true, longs: Number, enums: Number, defaults: true }))
    .eventforwarder as GrpcObject;
  return loaded;
}

/** The generated client constructor of `GRPCForwarder` (its `.service` serves test servers too). */
export const forwarderService = (): ServiceClientConstructor => loadForwarderPackage().GRPCForwarder as ServiceClientConstructor;
