import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../testing/app.ts';
import { makeResidentId, makeCreditCode } from '../../platform/codes/index.ts';
import { parseCsv, decodeCsv } from '../../platform/csv/csv.ts';
import { processLoad } from './load.ts';
import { registerQuality, refreshQuality } from './quality.ts';

const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-register-loads-'));
process.env.DATA_DIR = path.dirname(spoolDir);
const deps = () => ({ db: t.db, spoolDir: path.join(path.dirname(spoolDir), 'register-loads') });

let t: TestApp;
let data: Session, gaj: Session, mzj: Session;
beforeAll(async () => {
  t = await createTestApp('tongban_demo');
  [data, gaj, mzj] = await Promise.all([loginAs(t.app, 'data'), loginAs(t.app, 'data_gaj'), loginAs(t.app, 'data_mzj')]);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(spoolDir, { recursive: true, force: true });
});

/** A fresh, valid resident ID for a test person born on `ymd` (sequence numbers far from the demo world's). */
let seq = 900;
const newId = (ymd = '19850612', male = true) => makeResidentId('321202', ymd, String(seq++ * 2 + (male ? 1 : 0)).slice(-3).padStart(3, '0'));
const person = (residentId: string, over: Record<string, string | null> = {}) => ({
  residentId, name: '测试人', sex: Number(residentId[16]) % 2 ? '男' : '女', birthDate: `${residentId.slice(6, 10)}-${residentId.slice(10, 12)}-${residentId.slice(12, 14)}`, ethnicity: '汉族',
  householdNo: '300000001', householdAddress: '江苏省泰州市海陵区城东街道春晖路1号', householdHeadId: residentId, relationToHead: '户主', maritalStatus: '未婚', spouseId: null, status: '正常', regionCode: '321202001', ...over,
});

const push = (s: Session, register: string, records: unknown[], org?: string) => t.app.inject({ method: 'POST', url: `/api/v1/sharing/registers/${register}/records`, headers: s.headers, payload: { records, ...(org ? { org } : {}) } });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
function upload(s: Session, register: string, content: Buffer, fileName = 'load.csv') {
  const boundary = '----tb' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return t.app.inject({ method: 'POST', url: `/api/v1/sharing/registers/${register}/loads`, headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}
const person$ = (id: string) => t.db.selectFrom('person_record').selectAll().where('resident_id', '=', id).executeTakeFirst();

describe('loading a batch', () => {
  it('merges valid rows with provenance and rejects invalid ones with reasons a clerk can act on', async () => {
    const ok = newId();
    const bad = ok.slice(0, 17) + (ok[17] === '0' ? '1' : '0');
    const other = newId('19900101', false);
    const res = await push(gaj, 'population', [person(ok), person(bad), person(other, { sex: '男', birthDate: '1990-01-02' })]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 3, accepted: 1, rejected: 2, inserted: 1, updated: 0 });
    expect(body.rejects[0]).toMatchObject({ line: 2 });
    expect(body.rejects[0].reason).toContain('校验码');
    expect(body.rejects[1].reason).toContain('出生日期 1990-01-02 与身份证号码中的出生日期 1990-01-01 不一致');
    expect(body.rejects[1].reason).toContain('性别与身份证号码第 17 位不一致');
    const row = (await person$(ok))!;
    const gajOrg = await t.db.selectFrom('org').select('id').where('key', '=', 'gaj').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sex: Number(ok[16]) % 2 ? 'male' : 'female', marital_status: 'unmarried', source_org_id: gajOrg.id });
    expect(await person$(bad)).toBeUndefined();
  });

  it('takes the later of two lines for the same record and says so of the earlier', async () => {
    const id = newId();
    const r = (await push(gaj, 'population', [person(id, { name: '先写的' }), person(id, { name: '后写的' })])).json();
    expect(r).toMatchObject({ total: 2, accepted: 1, rejected: 1, inserted: 1 });
    expect(r.rejects).toEqual([{ line: 1, reason: '与第 2 行是同一条记录，以后面一行为准' }]);
    expect((await person$(id))!.name).toBe('后写的');
  });

  it('is idempotent: the same batch again changes nothing and raises nothing new', async () => {
    const id = newId();
    const records = [person(id, { maritalStatus: '已婚', spouseId: newId('19860101', false) })];
    await push(gaj, 'population', records);
    const before = (await person$(id))!;
    const conflicts = await t.db.selectFrom('register_conflict').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const again = (await push(gaj, 'population', records)).json();
    expect(again).toMatchObject({ accepted: 1, inserted: 0, updated: 0, conflicts: 0 });
    expect((await person$(id))!.updated_at).toEqual(before.updated_at);
    expect((await t.db.selectFrom('register_conflict').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n).toBe(conflicts.n);
  });
});

describe('一数一源 and 多源校核', () => {
  it('the designated source wins; the other source’s different value is kept and shown as a conflict, settled by the administrator', async () => {
    const id = newId('19800303');
    const spouse = newId('19820404', false);
    await push(gaj, 'population', [person(id, { maritalStatus: '已婚', spouseId: spouse })]);
    // 民政 (designated for marital status) reports a divorce: the register takes it, and the disagreement with 公安's value is listed.
    const m = (await push(mzj, 'population', [{ residentId: id, maritalStatus: '离婚', spouseId: null }])).json();
    expect(m).toMatchObject({ accepted: 1, updated: 1, conflicts: 2 });
    expect((await person$(id))!).toMatchObject({ marital_status: 'divorced', spouse_id: null });
    // 公安 sends its old value again: not designated, so the register keeps 民政's value; no duplicate conflict.
    const g = (await push(gaj, 'population', [person(id, { maritalStatus: '已婚', spouseId: spouse })])).json();
    expect(g).toMatchObject({ accepted: 1, updated: 0, conflicts: 0 });
    expect((await person$(id))!.marital_status).toBe('divorced');
    // 公安 now says widowed: a new disagreement.
    const g2 = (await push(gaj, 'population', [person(id, { maritalStatus: '丧偶', spouseId: null })])).json();
    expect(g2.conflicts).toBe(1);
    expect((await person$(id))!.marital_status).toBe('divorced');

    const view = (await get(data, `/api/v1/sharing/registers/population/records/${id}`)).json();
    const marital = view.records[0].fields.find((f: { name: string }) => f.name === 'maritalStatus');
    expect(marital).toMatchObject({ value: 'divorced', label: '离婚', sourceOrgName: '泰州市民政局' });
    expect(marital.conflicts.map((c: { otherValue: string }) => c.otherValue).sort()).toEqual(['丧偶', '已婚']);
    expect(view.records[0].fields.find((f: { name: string }) => f.name === 'name').sourceOrgName).toBe('泰州市公安局');
    const viewed = await t.db.selectFrom('audit_event').select('action').where('action', '=', 'sharing.register.view').where('entity_id', '=', id).execute();
    expect(viewed).toHaveLength(1);

    const list = (await get(data, `/api/v1/sharing/conflicts?status=open&register=population&key=${id}`)).json();
    expect(list.total).toBe(3);
    const c = list.conflicts.find((x: { field: string; otherValue: string }) => x.field === 'maritalStatus' && x.otherValue === '丧偶');
    expect(c).toMatchObject({ registerValue: '离婚', registerOrgName: '泰州市民政局', otherOrgName: '泰州市公安局', designatedOrgName: '泰州市民政局' });
    const noNote = await t.app.inject({ method: 'POST', url: `/api/v1/sharing/conflicts/${c.id}/resolve`, headers: data.headers, payload: { resolution: 'notify_source' } });
    expect(noNote.statusCode).toBe(400);
    const done = await t.app.inject({ method: 'POST', url: `/api/v1/sharing/conflicts/${c.id}/resolve`, headers: data.headers, payload: { resolution: 'notify_source', note: '请公安局核对该人婚姻状况' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'resolved', resolution: 'notify_source', resolvedByName: expect.any(String) });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/sharing/conflicts/${c.id}/resolve`, headers: data.headers, payload: { resolution: 'designated' } })).statusCode).toBe(409);
    const audit = await t.db.selectFrom('audit_event').select('action').where('entity_id', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['sharing.conflict.resolve']);
    expect((await get(data, `/api/v1/sharing/conflicts?status=open&key=${id}`)).json().total).toBe(2);
  });

  it('the demo world has 户籍 marital statuses 民政 disagrees with', async () => {
    const list = (await get(data, '/api/v1/sharing/conflicts?status=open&field=maritalStatus')).json();
    expect(list.total).toBeGreaterThanOrEqual(4);
    expect(list.conflicts.some((c: { registerOrgName: string; otherOrgName: string }) => c.registerOrgName === '泰州市民政局' && c.otherOrgName === '泰州市公安局')).toBe(true);
  });
});

describe('who may load what', () => {
  it('refuses an officer columns or registers their department is not a source of (403), and outsiders entirely', async () => {
    const id = newId();
    const r1 = await push(mzj, 'population', [{ residentId: id, householdAddress: '江苏省泰州市海陵区某路1号' }]);
    expect(r1.statusCode).toBe(403);
    expect(r1.json().error.message).toContain('户籍地址');
    expect((await push(mzj, 'entity', [{ creditCode: makeCreditCode('9', '1', '321202', 'MA000001') }])).statusCode).toBe(403);
    expect((await upload(mzj, 'entity', Buffer.from('统一社会信用代码,名称\n'))).statusCode).toBe(403);
    const clerk = await loginAs(t.app, 'clerk');
    expect((await push(clerk, 'population', [person(id)])).statusCode).toBe(403);
    expect((await get(clerk, '/api/v1/sharing/conflicts')).statusCode).toBe(403);
    expect((await get(gaj, `/api/v1/sharing/registers/population/records/${id}`)).statusCode).toBe(403);
  });

  it('lets the administrator load on behalf of a department', async () => {
    const id = newId();
    const r = (await push(data, 'population', [person(id)], 'gaj')).json();
    expect(r.inserted).toBe(1);
    expect((await push(data, 'population', [person(newId())], 'no-such-org')).statusCode).toBe(400);
  });
});

describe('loading a file on jobs', () => {
  it('checks the header at upload, then streams, merges and reports rejects per line', async () => {
    const a = newId(), b = newId('19920202', false);
    const header = '公民身份号码,姓名,性别,出生日期,民族,户号,户籍地址,户主公民身份号码,与户主关系,婚姻状况,配偶公民身份号码,人口状态,户籍地行政区划代码';
    const line = (p: ReturnType<typeof person>) => Object.values(p).map((v) => v ?? '').join(',');
    const csv = [header, line(person(a)), line(person(b, { birthDate: '1992/2/2' })), line(person(newId(), { regionCode: '999999' }))].join('\r\n');
    const res = await upload(gaj, 'population', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]));
    expect(res.statusCode).toBe(202);
    const id = res.json().id;
    expect((await get(gaj, `/api/v1/sharing/registers/population/loads/${id}`)).json()).toMatchObject({ state: 'queued', orgName: '泰州市公安局' });
    expect(await processLoad(deps(), id)).toBe(true);
    expect(await processLoad(deps(), id)).toBe(false);
    const view = (await get(gaj, `/api/v1/sharing/registers/population/loads/${id}`)).json();
    expect(view).toMatchObject({ state: 'done', progress: 1, total: 3, accepted: 2, rejected: 1, inserted: 2 });
    expect((await person$(b))!.birth_date).toBe('1992-02-02');
    const report = (await get(gaj, `/api/v1/sharing/registers/population/loads/${id}/rejects.csv`));
    const rows = [...parseCsv(decodeCsv(report.rawPayload).text)];
    expect(rows[0]).toEqual(['行号', '未归集原因', '原始内容']);
    expect(rows[1]![0]).toBe('4');
    expect(rows[1]![1]).toContain('行政区划代码');
    // Another department's officer cannot see it.
    expect((await get(mzj, `/api/v1/sharing/registers/population/loads/${id}`)).statusCode).toBe(404);
    expect(fs.existsSync(path.join(deps().spoolDir, `${id}.csv`))).toBe(false);
  });

  it('reads GB18030 files and rejects new records a partial file cannot complete', async () => {
    const known = (await t.db.selectFrom('person_record').select('resident_id').where('household_no', '>=', '200000001').orderBy('resident_id').limit(1).executeTakeFirstOrThrow()).resident_id;
    const unknown = newId();
    // GB18030 bytes of 张三 and 李四 (what Excel writes on a Chinese Windows); the header by field names.
    const bytes = Buffer.concat([Buffer.from(`residentId,name\n${known},`), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), Buffer.from(`\n${unknown},`), Buffer.from([0xc0, 0xee, 0xcb, 0xc4]), Buffer.from('\n')]);
    const res = await upload(gaj, 'population', bytes);
    expect(res.statusCode).toBe(202);
    await processLoad(deps(), res.json().id);
    const view = (await get(gaj, `/api/v1/sharing/registers/population/loads/${res.json().id}`)).json();
    expect(view).toMatchObject({ state: 'done', accepted: 1, rejected: 1, updated: 1 });
    expect((await person$(known))!.name).toBe('张三');
    const rows = [...parseCsv(decodeCsv((await get(gaj, `/api/v1/sharing/registers/population/loads/${res.json().id}/rejects.csv`)).rawPayload).text)];
    expect(rows[1]![1]).toContain('首次归集须同时填写');
  });
});

describe('bad input is a clear 4xx', () => {
  it('answers every malformed request with the platform error shape', async () => {
    const cases: Array<[Promise<{ statusCode: number; json(): { error: { message: string } } }>, number]> = [
      [push(data, 'nonsense', [{ a: 1 }]), 404],
      [push(data, 'population', []), 400],
      [push(data, 'population', Array.from({ length: 1001 }, () => ({ residentId: '1' }))), 400],
      [push(data, 'population', [{ 住址: 'x' }]), 400],
      [push(data, 'population', [{ name: '张三' }]), 400],
      [upload(data, 'population', Buffer.alloc(0)), 400],
      [upload(data, 'population', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])), 415],
      [upload(data, 'population', Buffer.from('公民身份号码,姓名,姓名\n')), 400],
      [upload(data, 'population', Buffer.from('身份证,姓名\n')), 400],
      [t.app.inject({ method: 'POST', url: '/api/v1/sharing/registers/population/loads', headers: { ...data.headers, 'content-type': 'application/json' }, payload: '{}' }), 400],
      [get(data, '/api/v1/sharing/registers/population/loads/not-a-uuid'), 400],
      [get(data, '/api/v1/sharing/registers/population/loads/00000000-0000-4000-8000-000000000000'), 404],
      [get(data, '/api/v1/sharing/registers/population/records/110101199003070000'), 404],
      [get(data, '/api/v1/sharing/conflicts?status=maybe'), 400],
      [t.app.inject({ method: 'POST', url: '/api/v1/sharing/conflicts/00000000-0000-4000-8000-000000000000/resolve', headers: data.headers, payload: { resolution: 'designated' } }), 404],
      [t.app.inject({ method: 'PUT', url: '/api/v1/sharing/registers/population/sources/nope', headers: data.headers, payload: { orgId: '00000000-0000-4000-8000-000000000000' } }), 400],
    ];
    for (const [p, status] of cases) {
      const r = await p;
      expect(r.statusCode, JSON.stringify(r.json())).toBe(status);
      expect(r.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('quality', () => {
  it('completeness, freshness and conflicts per resource from figures computed on jobs', async () => {
    await refreshQuality(t.db, 'population');
    const counts = await t.db.selectFrom('person_record').select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('spouse_id').as('spouses')]).executeTakeFirstOrThrow();
    const open = await t.db.selectFrom('register_conflict').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').where('register', '=', 'population').where('field', 'in', ['residentId', 'name', 'maritalStatus', 'spouseId']).executeTakeFirstOrThrow();
    const [marriage] = await registerQuality(t.db, { codes: ['marriage'] });
    expect(marriage!.records).toBe(Number(counts.total));
    const spouse = marriage!.fields.find((f) => f.name === 'spouseId')!;
    expect(spouse.completeness).toBeCloseTo(Number(counts.spouses) / Number(counts.total), 10);
    expect(marriage!.fields.find((f) => f.name === 'name')!.completeness).toBe(1);
    expect(marriage!.conflicts).toBe(Number(open.n));
    expect(marriage!.freshness).toBe('fresh');
    const [later] = await registerQuality(t.db, { codes: ['marriage'], now: new Date(Date.now() + 3 * 86_400_000) });
    expect(later!.freshness).toBe('late');
    const [licenses] = await registerQuality(t.db, { codes: ['licenses'] });
    expect(licenses!.completeness).toBeNull();
    const api = (await get(gaj, '/api/v1/sharing/quality')).json();
    expect(api.resources.map((r: { code: string }) => r.code)).toContain('population-basic');
  });
});

describe('一数一源 designations', () => {
  it('lists the seeded designations and lets only the administrator change one, audited', async () => {
    const list = (await get(gaj, '/api/v1/sharing/registers/population/sources')).json().sources as Array<{ field: string; orgName: string; orgId: string }>;
    expect(list.find((d) => d.field === 'maritalStatus')!.orgName).toBe('泰州市民政局');
    expect(list.find((d) => d.field === 'name')!.orgName).toBe('泰州市公安局');
    const gajId = list.find((d) => d.field === 'name')!.orgId;
    const mzjId = list.find((d) => d.field === 'maritalStatus')!.orgId;
    const put = (s: Session, orgId: string) => t.app.inject({ method: 'PUT', url: '/api/v1/sharing/registers/population/sources/ethnicity', headers: s.headers, payload: { orgId } });
    expect((await put(gaj, mzjId)).statusCode).toBe(403);
    const r = await put(data, mzjId);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ field: 'ethnicity', orgName: '泰州市民政局' });
    // 民政 may now load 民族 (it is designated for it); 公安's different value would be a conflict, not a change.
    const id = newId('19700505');
    await push(gaj, 'population', [person(id)]);
    expect((await push(mzj, 'population', [{ residentId: id, ethnicity: '回族' }])).json()).toMatchObject({ updated: 1, conflicts: 1 });
    expect((await person$(id))!.ethnicity).toBe('回族');
    const audit = await t.db.selectFrom('audit_event').select(['action', 'after']).where('entity_id', '=', 'population.ethnicity').execute();
    expect(audit.map((a) => a.action)).toEqual(['sharing.register.designate']);
    expect((await put(data, gajId)).statusCode).toBe(200);
  });
});
