import path from 'node:path';
import { credentials, type GrpcObject, loadPackageDefinition, type ServiceClientConstructor } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

/** Path of the protocol file (also used by tests that run a forwarder server). */
export const FORWARDER_PROTO_PATH = path.join(__dirname, 'proto', 'events.proto');

/** The `eventforwarder` package loaded from the .proto (field names as declared, enums as numbers). */
export function loadForwarderPackage(): GrpcObject {
  const definition = loadSync(FORWARDER_PROTO_PATH, { keepCase: true, longs: Number, enums: Number, defaults: true });
  return loadPackageDefinition(definition).eventforwarder as GrpcObject;
}

export const forwarderService = (): ServiceClientConstructor => loadForwarderPackage().GRPCForwarder as ServiceClientConstructor;

export { credentials };
