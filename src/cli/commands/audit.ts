import type { Command } from 'commander';
import { LuoshiError } from '../../core/errors.js';

/** `luoshi audit verify` — check the hash chain of the audit log (审计日志). */
export function registerAudit(program: Command): Command {
  const audit = program.command('audit').description('inspect the append-only audit log: verify, tail');
  audit
    .command('verify')
    .description('recompute the audit hash chain; exit 1 if any event was edited, deleted or inserted')
    .action(async () => {
      const { withDatabase } = await import('./with-database.js');
      const { verifyAuditChain } = await import('../../store/audit/verify-audit-chain.js');
      const result = await withDatabase(({ db }) => verifyAuditChain(db));
      if (result.ok) {
        process.stdout.write(
          `audit log intact: ${result.events} events, hash chain verified, head ${result.head}\n`,
        );
        return;
      }
      for (const problem of result.problems) process.stdout.write(`${problem.kind}\t${problem.message}\n`);
      throw new LuoshiError(
        'audit_chain_broken',
        500,
        {
          en: `The audit log was tampered with: ${result.problems.length} problem(s) in ${result.events} events (listed above)`,
          zh: `审计日志被篡改：${result.events} 条记录中发现 ${result.problems.length} 处问题（见上）`,
        },
        { problems: result.problems.length },
      );
    });
  audit
    .command('tail')
    .description('print the latest audit events, one JSON object per line')
    .option('-n, --lines <count>', 'how many events', '20')
    .action(async (options: { lines: string }) => {
      const count = Number(options.lines);
      if (!Number.isInteger(count) || count < 1)
        throw new LuoshiError('bad_usage', 400, {
          en: '--lines must be a positive integer',
          zh: '--lines 必须是正整数',
        });
      const { withDatabase } = await import('./with-database.js');
      const rows = await withDatabase(({ db }) =>
        db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(count).execute(),
      );
      for (const row of rows.reverse()) {
        process.stdout.write(
          `${JSON.stringify({ id: row.id, at: row.at, actor: row.actor, action: row.action, entity: row.entity, entityId: row.entity_id })}\n`,
        );
      }
    });
  return audit;
}
