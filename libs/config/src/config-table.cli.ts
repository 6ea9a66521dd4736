import { renderConfigTable } from './config-table';

// Prints the README configuration table: node tools/scripts/run.mjs libs/config/src/config-table.cli.ts
console.log(renderConfigTable());
