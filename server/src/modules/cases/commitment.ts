/**
 * 告知承诺制 (approval on commitment). The item states the conditions in a written commitment (告知承诺书); the
 * applicant signs it at submission; the agency grants on acceptance on the strength of that commitment and
 * verifies it afterwards (核查) within the item's verification period. A false commitment revokes the grant.
 *
 * Basis: 国务院办公厅《关于全面推行证明事项告知承诺制的指导意见》（国办发〔2020〕42号）; 行政许可法 art. 69 (a grant
 * obtained by deception is revoked); 食品经营许可和备案管理办法 (2023) art. 20 for food business licences.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import type { Trx } from '../../platform/db/db.ts';
import type { CalendarData } from '../../platform/calendar/index.ts';
import type { ItemDocument } from '../catalog/index.ts';
import { CaseErrors } from './errors.ts';
import { deadline, isSpecificReason } from './rules.ts';
import type { SignedCommitment } from './tables.ts';
import type { Decision } from './state.ts';

/** The basis recorded on a grant made on the applicant's commitment. */
export const COMMITMENT_BASIS = '告知承诺';

/** The national policy under which items are granted on commitment (国办发〔2020〕42号), as documents cite it. */
export const COMMITMENT_POLICY = '《国务院办公厅关于全面推行证明事项告知承诺制的指导意见》（国办发〔2020〕42号）';
/** 行政许可法 art. 69 para. 2: a licence obtained by deception or other improper means shall be revoked. */
export const REVOCATION_LAW = '《中华人民共和国行政许可法》第六十九条第二款';

export type CommitmentInput = { accepted: boolean; signedName: string };

/**
 * The signed commitment of a new case on an item under 告知承诺制 (undefined for other items). The applicant must
 * accept the text and sign with their own name (a person) or their agent's or entity's name (an entity).
 */
export function signCommitment(
  doc: Pick<ItemDocument, 'commitmentApproval' | 'commitmentText' | 'verificationDays'>,
  input: CommitmentInput | undefined,
  signer: { subjectType: string; names: Array<string | null | undefined> },
  now: Date,
): SignedCommitment | undefined {
  if (!doc.commitmentApproval) return undefined;
  if (!input || input.accepted !== true || !input.signedName?.trim()) throw CaseErrors.COMMITMENT_REQUIRED();
  const signedName = input.signedName.trim();
  const names = signer.names.filter((n): n is string => !!n).map((n) => n.trim());
  if (names.length && !names.includes(signedName)) throw CaseErrors.COMMITMENT_SIGNATURE_MISMATCH({ expected: names.join(' 或 ') });
  return { text: doc.commitmentText ?? '', signedName, signedAt: now.toISOString(), verificationDays: doc.verificationDays ?? 20 };
}

/** The grant an acceptance makes on a commitment. */
export function commitmentGrant(now: Date): Decision {
  return { result: 'grant', basis: COMMITMENT_BASIS, decidedAt: now.toISOString() };
}

/** Open the verification task (核查) with its own due date, in the transaction of the grant. */
export async function openVerificationInTrx(trx: Trx, caseId: string, c: SignedCommitment, today: string, cal: CalendarData): Promise<string> {
  const d = deadline(today, c.verificationDays, cal);
  await trx.insertInto('case_verification').values({ case_id: caseId, state: 'open', due_date: d.dueDate, warn_date: d.warnDate, verified_at: null, verifier_id: null, verifier_name: null, note: null }).execute();
  return d.dueDate;
}

export type VerifyInput = { outcome?: 'confirmed' | 'false_commitment'; reason?: string; note?: string };

/** Validate a verification: an outcome, and for a false commitment a specific reason (it revokes a grant). */
export function checkVerify(input: VerifyInput): { outcome: 'confirmed' | 'false_commitment'; reason?: string } {
  if (input.outcome !== 'confirmed' && input.outcome !== 'false_commitment') throw CaseErrors.VERIFY_OUTCOME_REQUIRED();
  if (input.outcome === 'false_commitment' && !isSpecificReason(input.reason)) throw CaseErrors.REASON_REQUIRED();
  return { outcome: input.outcome, ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}) };
}

/** Close the open verification task (version-checked by the case row already). */
export async function closeVerificationInTrx(trx: Trx, caseId: string, actor: Actor, outcome: 'confirmed' | 'false_commitment', note: string | undefined, now: Date): Promise<void> {
  const r = await trx
    .updateTable('case_verification')
    .set({ state: outcome, verified_at: now, verifier_id: actor.id, verifier_name: actor.displayName, note: note ?? null })
    .where('case_id', '=', caseId)
    .where('state', '=', 'open')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw CaseErrors.VERIFICATION_NOT_OPEN();
}
