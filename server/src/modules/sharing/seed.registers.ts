/**
 * The demo world's 一数一源 designations, a few 多源校核 conflicts as they arise in practice, and the first quality
 * figures. The conflicts come through the real load path: 市民政局 (the designated source of marital status) reports
 * two couples divorced whom 市公安局's household register still shows married — the register takes 民政's word, and
 * each disagreement is listed for the data administrator.
 */
import type { Db } from '../../platform/db/db.ts';
import { seedDesignations } from './conflicts.ts';
import { mergeBatch, columnsOrThrow } from './load.ts';
import { refreshAllQuality } from './quality.ts';

const SEED_ACTOR = { id: '00000000-0000-0000-0000-000000000000', name: '系统初始化' };

export async function seedRegisterChecks(db: Db): Promise<void> {
  await seedDesignations(db);
  const mzj = await db.selectFrom('org').select(['id', 'name']).where('key', '=', 'mzj').executeTakeFirst();
  if (mzj) {
    // Generated households only (numbers from 200000001), never the hand-written persons of the world.
    const heads = await db.selectFrom('person_record').select(['resident_id', 'spouse_id']).where('household_no', '>=', '200000001').where('relation_to_head', '=', '户主').where('marital_status', '=', 'married').where('birth_date', '>', '1975-01-01').orderBy('household_no').limit(2).execute();
    const records = heads.flatMap((h) => [h.resident_id, h.spouse_id!].map((residentId) => ({ residentId, maritalStatus: 'divorced', spouseId: null })));
    const names = ['residentId', 'maritalStatus', 'spouseId'];
    if (records.length) await mergeBatch(db, SEED_ACTOR, mzj, columnsOrThrow('population', names), names, records, null);
  }
  await refreshAllQuality(db);
}
