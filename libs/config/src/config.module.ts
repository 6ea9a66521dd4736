import { type DynamicModule, Module } from '@nestjs/common';
import { loadConfig } from './load-config';
import type { Component } from './maestro-config';

export const MAESTRO_CONFIG = Symbol('MaestroConfig');

/** Provides the validated MaestroConfig of one component (read once, from process.env). */
@Module({})
export class AppConfigModule {
  static forComponent(component: Component, env: Record<string, string | undefined> = process.env): DynamicModule {
    const config = loadConfig(env, component);
    return {
      module: AppConfigModule,
      global: true,
      providers: [{ provide: MAESTRO_CONFIG, useValue: config }],
      exports: [MAESTRO_CONFIG],
    };
  }
}
