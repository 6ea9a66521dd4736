import { type DynamicModule, Module } from '@nestjs/common';
import { type Env, loadConfig } from './load-config';
import type { Component, MaestroConfig } from './maestro-config';

/** Injection token of the component's MaestroConfig. */
export const MAESTRO_CONFIG = Symbol('MaestroConfig');

/**
 * Provides the validated, frozen MaestroConfig of one component under MAESTRO_CONFIG, globally.
 * The environment is read and validated when the module is built, so a bad value throws a
 * ConfigError (naming the variable and value) before anything starts.
 */
@Module({})
export class AppConfigModule {
  static forComponent(component: Component, env: Env = process.env): DynamicModule {
    return AppConfigModule.forConfig(loadConfig(env, component));
  }

  /** Provides an already loaded configuration (main.ts loads it once, before building the app). */
  static forConfig(config: MaestroConfig): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      providers: [{ provide: MAESTRO_CONFIG, useValue: config }],
      exports: [MAESTRO_CONFIG],
    };
  }
}
