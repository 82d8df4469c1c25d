import type { Command } from 'commander';
import { badInput } from '../../core/errors.js';
import { withDatabase } from './with-database.js';

/** This month as YYYY-MM (UTC). */
function thisMonth(): string {
  return new Date().toISOString().slice(0, 7);
}

/** `luoshi demo cascade` — a city and a district with their reports, handed-down tasks and users. */
export function registerDemo(program: Command): Command {
  const demo = program.command('demo').description('load demonstration data into an empty database');
  demo
    .command('cascade')
    .description(
      'a city (北京市, Beijing 2026 report) and its district (通州区 / 北京城市副中心, the sample) with ' +
        'city tasks handed down to the district, accepted, linked and decomposed; prints the users and passwords',
    )
    .option('--month <YYYY-MM>', 'the open reporting month of both governments (default this month)')
    .action(async (flags: { month?: string }) => {
      const month = flags.month ?? thisMonth();
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
        throw badInput(
          'bad_option',
          `--month ${month}: expected YYYY-MM`,
          `--month ${month}：格式应为 YYYY-MM`,
        );
      }
      const { loadCascadeDemo } = await import('../../server/demo/load-cascade-demo.js');
      const demoData = await withDatabase(({ db }) => loadCascadeDemo(db, { month }));
      const { describeCascadeDemo } = await import('../../server/demo/describe-cascade-demo.js');
      const out = [
        ...describeCascadeDemo(demoData, month),
        'Then run `luoshi serve` on the same DATA_DIR / DATABASE_URL: tz-office sees 上级交办, bj-office the district on the dashboard.',
      ];
      process.stdout.write(`${out.join('\n')}\n`);
    });
  return demo;
}
