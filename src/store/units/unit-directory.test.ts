import { afterEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../audit/append-audit-event.js';
import { findOrCreateOrganisationNamed } from '../organisations/find-organisation-named.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../testing.js';
import { writeTransaction } from '../write-transaction.js';
import { createUnit } from './create-unit.js';
import { keepUnitAlias, listUnitDirectory } from './unit-directory.js';

describe.each(DIALECTS)('the unit directory per organisation on %s', (dialect) => {
  let handle: TestDatabase | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it("lists an organisation's units and aliases only; each organisation keeps its own alias", async () => {
    handle = await openTestDatabase(dialect);
    const db = handle.db;
    const city = (await createUnit(db, { name: '市发展和改革委员会', actor: CLI_ACTOR })).id;
    const district = await findOrCreateOrganisationNamed(db, '北京市通州区人民政府', CLI_ACTOR);
    const own = (
      await createUnit(db, { name: '区发展和改革委员会', organisationId: district, actor: CLI_ACTOR })
    ).id;
    const rootOf = (
      await db.selectFrom('units').select('organisation_id').where('id', '=', city).executeTakeFirstOrThrow()
    ).organisation_id;

    await writeTransaction(db, (trx) => keepUnitAlias(trx, '发改委', city, CLI_ACTOR));
    // The district maps the same words to its own unit: both keep them, each for its own unit.
    await writeTransaction(db, (trx) => keepUnitAlias(trx, '发改委', own, CLI_ACTOR));

    expect(await listUnitDirectory(db, rootOf)).toEqual([
      { id: city, name: '市发展和改革委员会', shortName: null, aliases: ['发改委'] },
    ]);
    expect(await listUnitDirectory(db, district)).toEqual([
      { id: own, name: '区发展和改革委员会', shortName: null, aliases: ['发改委'] },
    ]);
    expect(await listUnitDirectory(db, null)).toEqual([]);
  });
});
