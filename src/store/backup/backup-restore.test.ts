import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../audit/append-audit-event.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { saveProgressReport } from '../progress/save-progress-report.js';
import type { Database } from '../schema.js';
import { updateTarget } from '../targets/update-target.js';
import { seedPlan } from '../test-fixtures.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { createUnit } from '../units/create-unit.js';
import { updateUnit } from '../units/update-unit.js';
import { backupDatabase } from './backup-database.js';
import { listBackupTables } from './list-backup-tables.js';
import { restoreBackup } from './restore-backup.js';

/** Every row of every backed-up table, in key order, with bytes as base64: comparable across dialects. */
async function dumpTables(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of await listBackupTables(db as unknown as Kysely<unknown>)) {
    const order = sql.join((table.key ? [table.key] : table.columns).map((c) => sql.ref(c)));
    const rows = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table.name)} order by ${order}`.execute(db);
    out[table.name] = rows.rows.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v]),
      ),
    );
  }
  return out;
}

describe.each(DIALECTS)('backup and restore from %s', (dialect) => {
  let source: TestDatabase;
  let before: Record<string, unknown[]>;
  const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-backup-'));
  beforeAll(async () => {
    source = await openTestDatabase(dialect);
    const plan = await seedPlan(source.db);
    const task = plan.tasks[2]!;
    await saveProgressReport(source.db, {
      taskId: task.id,
      unitId: plan.leadUnitId,
      periodId: plan.periodId,
      narrative: '进展顺利',
      values: [{ targetId: task.targets[0]!.id, value: 3200.5 }],
      actor: CLI_ACTOR,
    });
    await updateTarget(source.db, {
      id: task.targets[0]!.id,
      version: 1,
      changes: { value: 6600 },
      actor: CLI_ACTOR,
    });
    // A parent created after its child: restoring rows in id order must still satisfy parent_id.
    const street = await createUnit(source.db, { name: '街道办', actor: CLI_ACTOR });
    const district = await createUnit(source.db, { name: '区政府', actor: CLI_ACTOR });
    await updateUnit(source.db, {
      id: street.id,
      version: street.version,
      changes: { parentId: district.id },
      actor: CLI_ACTOR,
    });
    await source.db
      .insertInto('blobs')
      .values({
        sha256: 'a'.repeat(64),
        size: 4,
        mime: 'image/png',
        content: Uint8Array.from([0x89, 0, 0xff, 10]),
        created_at: '2026-03-01T00:00:00.000Z',
      })
      .execute();
    before = await dumpTables(source.db);
  });
  afterAll(async () => {
    await source?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const roundTrip = async (file: string, into: (typeof DIALECTS)[number]) => {
    const target = await openTestDatabase(into);
    try {
      const summary = await restoreBackup(target.db, file, CLI_ACTOR);
      const after = await dumpTables(target.db);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const [table, rows] of Object.entries(before)) {
        if (table === 'audit_events') {
          expect(after[table]!.slice(0, rows.length), table).toEqual(rows);
          expect(after[table]!.at(-1)).toMatchObject({ action: 'restore', entity: 'database' });
        } else {
          expect(after[table], table).toEqual(rows);
        }
      }
      expect(summary.rows).toBe(Object.values(before).reduce((n, rows) => n + rows.length, 0));
      expect((await verifyAuditChain(target.db)).problems).toEqual([]);
      // New rows get fresh ids after the restored ones.
      const unit = await createUnit(target.db, { name: '新单位', actor: CLI_ACTOR });
      expect(unit.id).toBeGreaterThan(Math.max(...(before.units as { id: number }[]).map((u) => u.id)));
    } finally {
      await target.close();
    }
  };

  it('round-trips every table through its native backup', async () => {
    const file = path.join(dir, dialect === 'sqlite' ? 'backup.db' : 'backup.jsonl');
    const summary = await backupDatabase(source, file);
    expect(summary.format).toBe(dialect === 'sqlite' ? 'sqlite' : 'json');
    await roundTrip(file, dialect);
  });

  it('round-trips every table into the other dialect through the portable JSON dump', async () => {
    const file = path.join(dir, 'backup.jsonl.gz');
    expect((await backupDatabase(source, file)).format).toBe('json');
    await roundTrip(file, dialect === 'sqlite' ? 'postgres' : 'sqlite');
  });

  it('refuses a truncated backup and a non-empty target, restoring nothing', async () => {
    const file = path.join(dir, 'full.jsonl');
    await backupDatabase(source, file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const cut = path.join(dir, 'cut.jsonl');
    writeFileSync(cut, `${lines.slice(0, -3).join('\n')}\n`);
    const target = await openTestDatabase(dialect);
    try {
      await expect(restoreBackup(target.db, cut, CLI_ACTOR)).rejects.toMatchObject({
        code: 'backup_unreadable',
      });
      expect(await target.db.selectFrom('reports').select('id').execute()).toEqual([]);
      await restoreBackup(target.db, file, CLI_ACTOR);
      await expect(restoreBackup(target.db, file, CLI_ACTOR)).rejects.toMatchObject({ code: 'conflict' });
    } finally {
      await target.close();
    }
  });
});
