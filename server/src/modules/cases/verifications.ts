/**
 * The verification tasks (核查) that grants on commitment open (commitment.ts), listed for the deciding side in
 * the actor's data scope, the most urgent first.
 */
import { maskPersonName } from '../../platform/http/redact.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { todayInShanghai } from '../../platform/calendar/index.ts';
import { slaLight, type SlaLight } from './rules.ts';
import { scoped } from './service.ts';

export type VerificationTask = {
  caseId: string;
  number: string;
  itemName: string;
  applicantName: string;
  agencyName: string;
  state: 'open' | 'confirmed' | 'false_commitment';
  dueDate: string;
  slaLight: SlaLight | null;
  openedAt: string;
  verifiedAt: string | null;
  verifierName: string | null;
  caseVersion: number;
};

/** `overdue`: open tasks past their due date (the supervision module's alerts). */
export async function listVerifications(db: Db, actor: Actor, f: { state?: 'open' | 'confirmed' | 'false_commitment'; overdue?: boolean; limit: number }): Promise<{ tasks: VerificationTask[] }> {
  const today = todayInShanghai();
  let q = scoped(db.selectFrom('case'), actor).innerJoin('case_verification as v', 'v.case_id', 'case.id');
  if (f.state) q = q.where('v.state', '=', f.state);
  if (f.overdue) q = q.where('v.state', '=', 'open').where('v.due_date', '<', today);
  const rows = await q
    .select(['case.id', 'case.number', 'case.item_name', 'case.applicant_name', 'case.applicant_type', 'case.agency_name', 'case.version', 'v.state', 'v.due_date', 'v.warn_date', 'v.opened_at', 'v.verified_at', 'v.verifier_name'])
    .orderBy('v.due_date')
    .orderBy('case.id')
    .limit(f.limit)
    .execute();
  return {
    tasks: rows.map((r) => ({
      caseId: r.id,
      number: r.number,
      itemName: r.item_name,
      applicantName: maskPersonName(r.applicant_name, r.applicant_type),
      agencyName: r.agency_name,
      state: r.state,
      dueDate: r.due_date,
      slaLight: slaLight(r.state === 'open', today, { dueDate: r.due_date, warnDate: r.warn_date }),
      openedAt: r.opened_at.toISOString(),
      verifiedAt: r.verified_at?.toISOString() ?? null,
      verifierName: r.verifier_name,
      caseVersion: r.version,
    })),
  };
}

/** Open verification tasks past their due date in the actor's scope (supervision's headline figure). */
export async function countOverdueVerifications(db: Db, actor: Actor): Promise<number> {
  const r = await scoped(db.selectFrom('case'), actor)
    .innerJoin('case_verification as v', 'v.case_id', 'case.id')
    .where('v.state', '=', 'open')
    .where('v.due_date', '<', todayInShanghai())
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
