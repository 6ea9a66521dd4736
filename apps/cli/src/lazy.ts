/* eslint-disable @typescript-eslint/no-require-imports -- each library is loaded on first use */
// `maestro` starts in the time of the libraries a command needs: the domain, YAML, tables and the
// progress bar are required when first used, not at start-up (measured in the README's CLI section).

/** The domain library (major/minor rule, version numbering, scheduler defaults). */
export const domain = (): typeof import('@maestro/domain') => require('@maestro/domain');
export const yaml = (): typeof import('yaml') => require('yaml');
export const cliTable = (): typeof import('cli-table3') => require('cli-table3');
export const cliProgress = (): typeof import('cli-progress') => require('cli-progress');
