// The public API of @maestro/events-forwarder: the Nest module that provides the gRPC events
// forwarder, and the forwarder service definition (the test helpers serve it). The channel pool,
// status names and metrics stay inside: the library's own tests import them by relative path.
export { EventsForwarderModule, type EventsForwarderModuleOptions } from './events-forwarder.module';
export { forwarderService } from './forwarder-proto';
// The dial-time address rule, reused by the webhook autoscaling policy's client (apps/worker).
export { AddressAdmission } from './address-admission';
