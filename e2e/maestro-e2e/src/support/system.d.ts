import type { ChildProcess } from 'node:child_process';

/** The system that global-setup.js starts for every e2e suite and global-teardown.js stops. */
export interface MaestroSystem {
  child: ChildProcess;
  databaseUrl: string;
  /** The OTLP receiver the apps export their spans to. */
  receiver: { url: string; close(): Promise<unknown> };
  output(): string;
}

declare global {
  // Set by global-setup.js; jest runs the global teardown in the same context.
  var __MAESTRO_SYSTEM__: MaestroSystem | undefined;
}
