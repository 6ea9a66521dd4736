import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppConfigModule, MAESTRO_CONFIG } from './config.module';
import { ConfigError } from './env-parsers';
import type { MaestroConfig } from './maestro-config';

describe('AppConfigModule', () => {
  it('provides the component configuration under MAESTRO_CONFIG to every module', async () => {
    @Module({})
    class FeatureModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forComponent('rooms-api', { MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '5s' }), FeatureModule],
    }).compile();
    const config = moduleRef.select(FeatureModule).get<MaestroConfig>(MAESTRO_CONFIG, { strict: false });
    expect(config.component).toBe('rooms-api');
    expect(config.api.port).toBe(8070);
    expect(config.workers.healthControllerIntervalMs).toBe(5_000);
    await moduleRef.close();
  });

  it('refuses a bad value before the application is built, naming the variable', () => {
    expect(() => AppConfigModule.forComponent('worker', { MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '5 seconds' })).toThrow(ConfigError);
    expect(() => AppConfigModule.forComponent('worker', { MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '5 seconds' })).toThrow(
      'MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: "5 seconds" is not a duration',
    );
  });
});
