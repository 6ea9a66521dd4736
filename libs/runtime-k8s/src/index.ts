// The public API of @maestro/runtime-k8s: the Runtime port on Kubernetes and its Nest module.
// Pod and container builders, mappers, the client's retry and rate limiting, and the pod watch
// stay inside: the library's own tests import them by relative path.
export { KubernetesRuntime } from './kubernetes.runtime';
export type { KubernetesRuntimeOptions } from './kubernetes-runtime.options';
export { RuntimeK8sModule, type RuntimeK8sModuleAsyncOptions, type RuntimeK8sOptions } from './runtime-k8s.module';
