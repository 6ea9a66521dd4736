import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { LOGGER, type Logger, PORT_ALLOCATOR, type PortRange, RUNTIME } from '@maestro/domain';
import { KubernetesRuntime } from './kubernetes.runtime';
import type { KubernetesRuntimeOptions } from './kubernetes-runtime.options';
import { DEFAULT_PORT_RANGE, RandomPortAllocator } from './ports/random-port-allocator';

export interface RuntimeK8sOptions extends KubernetesRuntimeOptions {
  /** `adapters.portAllocator.random.range`, used when no range is passed (default 60001-60010). */
  fallbackPortRange?: PortRange;
}

export interface RuntimeK8sModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest factories take the injected values untyped
  useFactory: (...args: any[]) => RuntimeK8sOptions | Promise<RuntimeK8sOptions>;
  inject?: (symbol | string)[];
}

const OPTIONS = Symbol('RuntimeK8sOptions');

/** Binds RUNTIME (KubernetesRuntime) and PORT_ALLOCATOR (RandomPortAllocator). Needs the LOGGER token. */
@Module({})
export class RuntimeK8sModule {
  static forRootAsync(options: RuntimeK8sModuleAsyncOptions): DynamicModule {
    return {
      module: RuntimeK8sModule,
      imports: options.imports ?? [],
      providers: [
        { provide: OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        { provide: RUNTIME, inject: [OPTIONS, LOGGER], useFactory: (o: RuntimeK8sOptions, logger: Logger) => new KubernetesRuntime(o, logger) },
        {
          provide: PORT_ALLOCATOR,
          inject: [OPTIONS],
          useFactory: (o: RuntimeK8sOptions) => new RandomPortAllocator(o.fallbackPortRange ?? DEFAULT_PORT_RANGE),
        },
      ],
      exports: [RUNTIME, PORT_ALLOCATOR],
    };
  }
}
