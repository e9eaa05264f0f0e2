/**
 * A filed case's answer (201) written as UTF-8 JSON bytes (ADR 0006, "The answer's bytes").
 *
 * Most of a filing's answer is its form and the item's form schema (about 4 of 5.5 KB in the benchmark), and both
 * exist as UTF-8 JSON already: the form as the bytes the request was fingerprinted by and filed with (submit.ts), the
 * schema once per item version. Serialising them again as JavaScript strings — two-byte strings when the text is
 * Chinese — and encoding the result to UTF-8 on the socket cost node about a tenth of a submission. Here the rest of
 * the case goes through the route's own compiled serializer for the same schema without those two fields, so the
 * answer has exactly the fields and values it had (submit.test.ts holds it equal to the case as read back); only the
 * form's keys come in sorted order.
 */
import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import { CaseDetail as CaseDetailSchema } from './schema.ts';
import type { CaseDetail } from './service.ts';

/** Everything of a case's answer but its form and form schema, serialized by the route's compiler (cached per route). */
const CaseDetailRest: Record<string, unknown> = { ...Type.Omit(CaseDetailSchema, ['form', 'formSchema']) };

/** An item version's form schema as JSON, per schema object (a published item is cached by submit.ts, its schema with it). */
const schemaJson = new WeakMap<object, Buffer>();
function formSchemaJson(schema: unknown): Buffer {
  if (typeof schema !== 'object' || schema === null) return Buffer.from(JSON.stringify(schema ?? null));
  let json = schemaJson.get(schema);
  if (!json) schemaJson.set(schema, (json = Buffer.from(JSON.stringify(schema))));
  return json;
}

const FORM = Buffer.from(',"form":');
const FORM_SCHEMA = Buffer.from(',"formSchema":');
const CLOSE = Buffer.from('}');

/**
 * Send `detail` with this status. `formJson`: its form as JSON bytes when the caller has them (a case just filed);
 * otherwise (an earlier filing answered again) the form is serialized here.
 */
export function sendCaseDetail(reply: FastifyReply, status: number, detail: CaseDetail, formJson?: Buffer): FastifyReply {
  const { form, formSchema, ...rest } = detail;
  const head = reply.serializeInput(rest, CaseDetailRest);
  const body = Buffer.concat([Buffer.from(head.slice(0, -1)), FORM, formJson ?? Buffer.from(JSON.stringify(form)), FORM_SCHEMA, formSchemaJson(formSchema), CLOSE]);
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}
