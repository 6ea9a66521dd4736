// `npm run chaos`: the whole system under every fault of issue 12, one after the other; prints one
// line of figures and exits 1 unless every figure but the accepted operations is 0.
import { allZero, formatFigures, runChaos } from './support/chaos';
import { ALL_FAULTS } from './support/faults';

async function main(): Promise<void> {
  const started = Date.now();
  const result = await runChaos({
    faults: ALL_FAULTS,
    fleets: 4,
    settleMs: 120_000,
    workloadPeriodMs: 1_000,
    log: (line) => process.stderr.write(`[chaos ${((Date.now() - started) / 1000).toFixed(0)} s] ${line}\n`),
  });
  for (const violation of result.violations) console.log(`violation: ${violation}`);
  const ok = allZero(result.figures) && result.violations.length === 0;
  if (!ok) {
    for (const detail of result.details) console.log(detail);
    console.log(result.tail);
  }
  console.log(formatFigures(result.figures));
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
