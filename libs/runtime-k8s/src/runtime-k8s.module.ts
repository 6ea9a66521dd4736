import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { LOGGER, type Logger, PORT_ALLOCATOR, type PortRange, RUNTIME } from '@maestro/domain';
import { KubernetesRuntime, type KubernetesRuntimeOptions } from './kubernetes.runtime';
import { RandomPortAllocator } from './random-port-allocator';

export interface RuntimeK8sOptions extends KubernetesRuntimeOptions {
  fallbackPortRange: PortRange;
}

export interface RuntimeK8sModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => RuntimeK8sOptions;
  inject?: (symbol | string)[];
}

const OPTIONS = Symbol('RuntimeK8sOptions');

/** Binds RUNTIME (Kubernetes) and PORT_ALLOCATOR. Needs the LOGGER token (PlatformModule). */
@Module({})
export class RuntimeK8sModule {
  static forRootAsync(options: RuntimeK8sModuleAsyncOptions): DynamicModule {
    return {
      module: RuntimeK8sModule,
      imports: options.imports,
      providers: [
        { provide: OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        { provide: RUNTIME, inject: [OPTIONS, LOGGER], useFactory: (o: RuntimeK8sOptions, logger: Logger) => new KubernetesRuntime(o, logger) },
        { provide: PORT_ALLOCATOR, inject: [OPTIONS], useFactory: (o: RuntimeK8sOptions) => new RandomPortAllocator(o.fallbackPortRange) },
      ],
      exports: [RUNTIME, PORT_ALLOCATOR],
    };
  }
}
