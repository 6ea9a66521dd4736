import path from 'node:path';
import { HttpClient, type Fetch, type Target } from './api/http-client';
import { MaestroApi } from './api/maestro-api';
import { configPath, readConfig } from './config/config-file';
import { resolveTarget } from './config/target';
import { colorsFor, type Colors } from './output/colors';
import type { Output } from './output/progress-view';
import type { WaitOptions } from './rollout/operation-wait';

/** The process around the CLI: streams, environment, clock. Tests give their own. */
export interface CliEnv {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  fetch?: Fetch;
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The repository this CLI runs from: its `.maestro/admin-token` is found even from another folder. */
export const REPOSITORY = path.resolve(__dirname, '../../..');

/** What every command needs, built once the global options are parsed. */
export class Session {
  private api?: MaestroApi;
  contextName?: string;

  constructor(readonly io: CliEnv) {}

  get out(): Output {
    return this.io.stdout;
  }

  get colors(): Colors {
    return colorsFor(this.io.stdout, this.io.env);
  }

  get configFile(): string {
    return configPath(this.io.env);
  }

  target(): Target {
    return resolveTarget({ config: readConfig(this.configFile), env: this.io.env, contextName: this.contextName, tokenSearchFrom: [this.io.cwd, REPOSITORY] });
  }

  client(): MaestroApi {
    this.api ??= new MaestroApi(new HttpClient(this.target(), this.io.fetch));
    return this.api;
  }

  /** Polling every second until `timeoutMs` from now. */
  waitOptions(timeoutMs: number, pollMs = 1000): WaitOptions {
    return { pollMs, deadline: this.io.now() + timeoutMs, sleep: this.io.sleep, now: this.io.now };
  }

  print(text: string): void {
    this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
