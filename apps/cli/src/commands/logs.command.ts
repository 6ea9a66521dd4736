import type { Command } from 'commander';
import { FINAL_OPERATION_STATUSES } from '../api/wire-types';
import type { Session } from '../session';

export function registerLogs(program: Command, session: Session): void {
  program
    .command('logs')
    .description("print an operation's execution history; -f follows it until the operation ends")
    .argument('<name>', 'the scheduler')
    .argument('<operation-id>', 'the operation')
    .option('-f, --follow', 'print new lines as they come, until the operation ends')
    .addHelpText('after', '\nExample:\n  maestro logs fixed-fleet 0b7e1cd2-6d0e-4b8f-9d3a-2f3c1f1f6a0e -f')
    .action(async (name: string, id: string, options: { follow?: boolean }) => {
      const api = session.client();
      let printed = 0;
      for (;;) {
        const op = await api.operation(name, id);
        for (const entry of op.executionHistory.slice(printed)) session.print(`${entry.createdAt}  ${entry.event}`);
        printed = op.executionHistory.length;
        const ended = FINAL_OPERATION_STATUSES.includes(op.status);
        if (!options.follow) return;
        if (ended) {
          session.print(`operation ${op.definitionName} ${op.id}: ${op.status}`);
          return;
        }
        await session.io.sleep(1000);
      }
    });
}
