/**
 * The base registers of the demo world (人口库, 法人库, 信用信息): generated, deterministic and internally consistent.
 *
 * - Persons come in households: a head, often a spouse (both 已婚, each naming the other), children younger than
 *   the parents, sometimes a parent of the head. Everyone in a household shares its number (户号) and address.
 * - Resident identity numbers follow GB 11643 (county code of registration, date of birth, sequence odd for men and
 *   even for women, MOD 11-2 check character) and are unique by construction: a counter per county, day and sex.
 * - Entities carry GB 32100 credit codes, unique by construction (the organisation body encodes the entity's index),
 *   and a legal representative who is an adult of the population.
 * - Credit records agree with the entities: each has its registration (a 行政许可 record); an entity on the
 *   abnormal-operation list has status `abnormal` and the list record; penalties and serious violations are rare.
 *
 * The same generators feed the demo seed (tens of thousands of rows) and the bench (15,000,000 persons and 550,000
 * entities, seed 002 §二) as streams, so large volumes never sit in memory. Everything here is fictional.
 */

import { CREDIT_CODE_CHARSET, makeCreditCode, makeResidentId, validateResidentId } from '../../platform/codes/index.ts';
import { COUNTY_ADDRESS } from './people.ts';
import type { Rng } from './prng.ts';
import type { World } from './types.ts';
import type { CreditRecord, EntityRecord, PersonRecord, RegisterRow } from '../../modules/sharing/index.ts';
import { TOWNS } from './regions.ts';

export type PersonRecordSeed = RegisterRow<PersonRecord>;
export type EntityRecordSeed = RegisterRow<EntityRecord>;
export type CreditRecordSeed = RegisterRow<CreditRecord>;
type Sex = PersonRecord['sex'];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛顾毛钱严戴汤缪储仇';
const MALE_GIVEN = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林峰建国志文海东晨阳子轩博宏';
const FEMALE_GIVEN = '芳娜敏静丽艳娟霞秀英慧巧美玲桂兰红梅琳雪婷倩颖洁佳蕾琪欣悦萍燕晶瑶怡雯璐岚月';
/** Ethnic groups with rough weights (汉族 dominates in 泰州). */
const ETHNICITIES: ReadonlyArray<readonly [string, number]> = [['汉族', 988], ['回族', 5], ['满族', 2], ['蒙古族', 1], ['壮族', 1], ['苗族', 1], ['土家族', 1], ['朝鲜族', 1]];
const STREETS = ['人民路', '海陵路', '鼓楼路', '青年路', '五一路', '凤凰路', '东风路', '春晖路', '坡子街', '迎春路', '济川路', '江洲路', '永定路', '税务桥路', '工农路', '江平路', '羌溪路', '通江路', '英武路', '溱湖大道'];
/** County-level divisions of 泰州市 with rough population weights. */
const COUNTIES: ReadonlyArray<readonly [string, number]> = [['321202', 9], ['321203', 4], ['321204', 7], ['321281', 11], ['321282', 6], ['321283', 10]];

function weighted<T>(rng: Rng, table: ReadonlyArray<readonly [T, number]>): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [v, w] of table) {
    r -= w;
    if (r < 0) return v;
  }
  return table[table.length - 1]![0];
}

function personName(rng: Rng, sex: Sex, surname = SURNAMES[rng.int(0, SURNAMES.length - 1)]!): string {
  const pool = sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN;
  const given = rng.next() < 0.7 ? rng.chars(pool, 2) : rng.chars(pool, 1);
  return surname + given;
}

/** "泰州市海陵区" or "兴化市": how addresses and entity names begin in a county-level division. */
const place = (county: string): string => COUNTY_ADDRESS[county]!.replace('江苏省', '');

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A date of birth for someone aged between `minAge` and `maxAge` on the reference day. */
function birthDate(rng: Rng, ref: Date, minAge: number, maxAge: number): string {
  const days = rng.int(Math.round(minAge * 365.25), Math.round(maxAge * 365.25 + 364));
  return isoDate(new Date(ref.getTime() - days * 86_400_000));
}

/**
 * Allocates resident identity numbers without collisions: one counter per county, day of birth and sex; a full day
 * (500 numbers of one sex) spills to the next day. Numbers in `reserved` are never handed out.
 */
export class ResidentIdAllocator {
  private readonly next = new Map<string, number>();
  private readonly reserved: ReadonlySet<string>;
  constructor(reserved: ReadonlySet<string> = new Set()) {
    this.reserved = reserved;
  }

  allocate(county: string, birth: string, sex: Sex): { residentId: string; birthDate: string } {
    let day = birth;
    for (;;) {
      const ymd = day.replaceAll('-', '');
      const key = `${county}${ymd}${sex === 'male' ? 1 : 0}`;
      let n = this.next.get(key) ?? 0;
      while (n < 500) {
        const id = makeResidentId(county, ymd, String(n * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0'));
        n += 1;
        if (!this.reserved.has(id)) {
          this.next.set(key, n);
          return { residentId: id, birthDate: day };
        }
      }
      this.next.set(key, n);
      day = isoDate(new Date(Date.parse(day) + 86_400_000));
    }
  }
}

export type PopulationOptions = {
  rng: Rng;
  /** Reference day for ages (the demo world's "today"). */
  today: Date;
  /** Identity numbers already used by the hand-written persons of the world. */
  allocator: ResidentIdAllocator;
  /** First household number (户号) to hand out; numbers are 9 digits. */
  firstHousehold?: number;
};

/**
 * Households of the population, one after another, for ever (the caller stops). Each yielded array is one
 * household, head first.
 */
export function* households(o: PopulationOptions): Generator<PersonRecordSeed[]> {
  const { rng, today, allocator } = o;
  for (let h = o.firstHousehold ?? 100_000_001; ; h++) {
    const county = weighted(rng, COUNTIES);
    const towns = TOWNS[county]!;
    const [townCode, townName] = towns[rng.int(0, towns.length - 1)]!;
    const regionCode = `${county}${townCode}`;
    const address = `${COUNTY_ADDRESS[county]}${townName}${rng.pick(STREETS)}${rng.int(1, 399)}号`;
    const householdNo = String(h).padStart(9, '0');
    const ethnicity = weighted(rng, ETHNICITIES);
    const person = (sex: Sex, minAge: number, maxAge: number, relation: string, surname?: string): PersonRecordSeed => {
      const born = allocator.allocate(county, birthDate(rng, today, minAge, maxAge), sex);
      return {
        residentId: born.residentId,
        name: personName(rng, sex, surname),
        sex,
        birthDate: born.birthDate,
        ethnicity,
        householdNo,
        householdAddress: address,
        householdHeadId: '',
        relationToHead: relation,
        maritalStatus: 'unmarried',
        spouseId: null,
        status: 'active',
        regionCode,
      };
    };
    const headSex: Sex = rng.next() < 0.62 ? 'male' : 'female';
    const head = person(headSex, 22, 85, '户主');
    const members = [head];
    const headAge = today.getUTCFullYear() - Number(head.birthDate.slice(0, 4));
    const r = rng.next();
    if (r < 0.72) {
      const spouse = person(headSex === 'male' ? 'female' : 'male', Math.max(20, headAge - 6), Math.min(90, headAge + 4), headSex === 'male' ? '妻' : '夫');
      head.maritalStatus = spouse.maritalStatus = 'married';
      head.spouseId = spouse.residentId;
      spouse.spouseId = head.residentId;
      members.push(spouse);
    } else {
      head.maritalStatus = r < 0.8 ? 'divorced' : r < 0.86 && headAge > 55 ? 'widowed' : 'unmarried';
    }
    const surname = head.name[0];
    const children = head.maritalStatus === 'unmarried' ? 0 : rng.int(0, headAge > 30 ? 3 : 1);
    for (let c = 0; c < children && headAge - 20 > 0; c++) {
      const sex: Sex = rng.next() < 0.51 ? 'male' : 'female';
      members.push(person(sex, 0, Math.min(headAge - 20, 30), sex === 'male' ? '子' : '女', headSex === 'male' ? surname : undefined));
    }
    if (headAge < 55 && rng.next() < 0.12) {
      members.push(person(rng.next() < 0.45 ? 'male' : 'female', headAge + 22, Math.min(95, headAge + 35), rng.next() < 0.5 ? '父亲' : '母亲'));
      const parent = members[members.length - 1]!;
      parent.relationToHead = parent.sex === 'male' ? '父亲' : '母亲';
      parent.maritalStatus = 'widowed';
    }
    for (const m of members) m.householdHeadId = head.residentId;
    yield members;
  }
}

const BUSINESS: ReadonlyArray<readonly [suffix: string, scope: string, type: string, licensed?: string]> = [
  ['餐饮管理有限公司', '餐饮服务；餐饮管理；食品销售', '有限责任公司（自然人投资或控股）', '食品经营许可证'],
  ['商贸有限公司', '日用百货、五金交电、建筑材料销售', '有限责任公司（自然人投资或控股）'],
  ['建筑工程有限公司', '房屋建筑和市政基础设施项目工程总承包；建设工程施工', '有限责任公司（自然人投资或控股）'],
  ['物流有限公司', '道路货物运输（不含危险货物）；普通货物仓储服务', '有限责任公司（自然人投资或控股）', '道路运输经营许可证'],
  ['医药连锁有限公司', '药品零售；医疗器械销售', '有限责任公司（自然人独资）'],
  ['机械制造有限公司', '通用设备制造；机械零部件加工', '有限责任公司（自然人投资或控股）'],
  ['信息技术有限公司', '软件开发；信息系统集成服务；技术服务', '有限责任公司（自然人独资）'],
  ['农业发展有限公司', '谷物种植；蔬菜种植；农产品初加工', '有限责任公司（自然人投资或控股）'],
  ['便利店', '日用百货、预包装食品销售', '个体工商户', '食品经营许可证'],
  ['小吃店', '小餐饮', '个体工商户', '食品经营许可证'],
];
const TRADE_NAMES = '凤城鑫源泰和海润瑞丰华盛恒达金泰宏远嘉禾永昌新润溱湖千垛江韵汇通福满祥瑞德信明锐';

/** The organisation body (9th–17th characters less the region) of entity `i`: "MA" + its index in base 31. */
function orgBody(i: number): string {
  let s = '';
  let n = i;
  for (let k = 0; k < 6; k++) {
    s = CREDIT_CODE_CHARSET[n % 31]! + s;
    n = Math.floor(n / 31);
  }
  return `MA${s}`;
}

export type EntityOptions = {
  rng: Rng;
  today: Date;
  /** Adults of the population who can be legal representatives: [name, residentId, regionCode]. */
  representatives: ReadonlyArray<readonly [string, string, string]>;
  /** First entity index (indexes below it are left for the hand-written entities). */
  firstIndex?: number;
};

/** Entities with their credit records, one after another, for ever (the caller stops). */
export function* entities(o: EntityOptions): Generator<{ entity: EntityRecordSeed; credit: CreditRecordSeed[] }> {
  const { rng, today } = o;
  for (let i = o.firstIndex ?? 1_000; ; i++) {
    const [rep, repId, repRegion] = o.representatives[rng.int(0, o.representatives.length - 1)]!;
    const county = repRegion.slice(0, 6);
    const [suffix, scope, type, licensed] = rng.pick(BUSINESS);
    const individual = type === '个体工商户';
    const trade = rng.chars(TRADE_NAMES, 2);
    const where = place(county);
    const name = `${where}${trade}${suffix}`;
    const creditCode = makeCreditCode('9', individual ? '2' : '1', county, orgBody(i));
    const established = birthDate(rng, today, 0.2, 25);
    const r = rng.next();
    const status: EntityRecordSeed['status'] = r < 0.03 ? 'abnormal' : r < 0.045 ? 'cancelled' : r < 0.05 ? 'revoked' : 'active';
    const authority = `${where}市场监督管理局`;
    const entity: EntityRecordSeed = {
      creditCode,
      name,
      entityType: type,
      legalRepresentative: rep,
      legalRepresentativeId: repId,
      registeredCapital: individual ? '0' : String(rng.pick([10, 50, 100, 200, 500, 1000, 3000])),
      address: `${COUNTY_ADDRESS[county]}${rng.pick(STREETS)}${rng.int(1, 599)}号`,
      businessScope: scope,
      status,
      establishedOn: established,
      regionCode: repRegion,
    };
    const docYear = established.slice(0, 4);
    const credit: CreditRecordSeed[] = [
      { subjectCode: creditCode, subjectName: name, kind: 'license', title: individual ? '个体工商户设立登记' : '公司设立登记', documentNo: `（${where.slice(-3, -1)}）登字〔${docYear}〕第${String(i).padStart(6, '0')}号`, content: `准予设立登记，核发营业执照`, authority, decidedOn: established, validUntil: null },
    ];
    if (licensed) {
      const on = birthDate(rng, today, 0.1, Math.max(0.2, (today.getTime() - Date.parse(established)) / 31_557_600_000));
      credit.push({ subjectCode: creditCode, subjectName: name, kind: 'license', title: `核发${licensed}`, documentNo: `JY${county}${on.replaceAll('-', '')}${String(i % 10_000).padStart(4, '0')}`, content: `准予许可，经营项目：${scope}`, authority: licensed === '道路运输经营许可证' ? `${where}交通运输局` : authority, decidedOn: on, validUntil: isoDate(new Date(Date.parse(on) + 5 * 365 * 86_400_000)) });
    }
    if (status === 'abnormal') {
      credit.push({ subjectCode: creditCode, subjectName: name, kind: 'abnormal', title: '列入经营异常名录', documentNo: `泰市监异〔${today.getUTCFullYear() - 1}〕${i % 1000}号`, content: '未按规定期限公示年度报告', authority, decidedOn: birthDate(rng, today, 0.05, 1), validUntil: null });
    }
    if (rng.next() < 0.04) {
      credit.push({ subjectCode: creditCode, subjectName: name, kind: 'penalty', title: '行政处罚', documentNo: `泰市监罚〔${docYear}〕${i % 1000}号`, content: rng.pick(['未按规定公示商品价格，警告', '销售标签不符合规定的预包装食品，罚款人民币5000元', '未按规定办理变更登记，罚款人民币1万元']), authority, decidedOn: birthDate(rng, today, 0.05, 3), validUntil: null });
    }
    if (status === 'revoked' && rng.next() < 0.5) {
      credit.push({ subjectCode: creditCode, subjectName: name, kind: 'serious_violation', title: '列入严重违法失信名单', documentNo: `泰市监严〔${docYear}〕${i % 1000}号`, content: '被吊销营业执照后未依法办理注销登记', authority, decidedOn: birthDate(rng, today, 0.05, 2), validUntil: null });
    }
    yield { entity, credit };
  }
}

/** The demo world's reference day for ages and dates in the registers (fixed, so the registers never change). */
export const REGISTER_DAY = new Date('2026-06-30T00:00:00Z');

export type Registers = { persons: PersonRecordSeed[]; entities: EntityRecordSeed[]; credit: CreditRecordSeed[] };

/** Sizes of the demo registers (the bench streams far more through the same generators). */
export const DEMO_REGISTER_SIZE = { persons: 20_000, entities: 2_000 } as const;

const dashed = (ymd: string): string => `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;

/**
 * The registers agreeing with the hand-written world: every person and agent of `world` is in the population with
 * the identity number, name and address their account has (the demo citizen married to 李娜 as their 结婚证 says,
 * with a child), every entity is in the legal-entity base as its 营业执照 says; then generated households and
 * entities up to `size`.
 */
export function buildRegisters(world: World, rng: Rng, size: { persons: number; entities: number } = DEMO_REGISTER_SIZE): Registers {
  const reserved = new Set([...world.persons.map((p) => p.residentId), ...world.entities.map((e) => e.agentResidentId)]);
  const allocator = new ResidentIdAllocator(reserved);
  const persons: PersonRecordSeed[] = [];
  const single = (residentId: string, name: string, address: string, regionCode: string, householdNo: string): PersonRecordSeed => {
    const v = validateResidentId(residentId);
    if (!v.ok) throw new RangeError(`demo resident ID ${residentId} is invalid`);
    return { residentId, name, sex: v.sex, birthDate: v.birthDate, ethnicity: '汉族', householdNo, householdAddress: address, householdHeadId: residentId, relationToHead: '户主', maritalStatus: 'unmarried', spouseId: null, status: 'active', regionCode: regionCode.slice(0, 9) };
  };
  let household = 100_000_001;
  for (const p of world.persons) {
    const head = single(p.residentId, p.name, p.address, p.regionCode ?? p.residentId.slice(0, 6), String(household++).padStart(9, '0'));
    const members = [head];
    const county = head.residentId.slice(0, 6);
    const spouseSex: Sex = head.sex === 'male' ? 'female' : 'male';
    const spouseBorn = allocator.allocate(county, dashed(`${Number(head.birthDate.slice(0, 4)) + (spouseSex === 'female' ? 2 : -2)}${head.birthDate.slice(5, 7)}${head.birthDate.slice(8, 10)}`), spouseSex);
    // The demo citizen's spouse is the one their 结婚证 names.
    const spouseName = p.username === 'citizen' ? (spouseSex === 'female' ? '李娜' : '陈浩') : personName(rng, spouseSex);
    const spouse: PersonRecordSeed = { ...head, residentId: spouseBorn.residentId, name: spouseName, sex: spouseSex, birthDate: spouseBorn.birthDate, relationToHead: spouseSex === 'female' ? '妻' : '夫' };
    head.maritalStatus = spouse.maritalStatus = 'married';
    head.spouseId = spouse.residentId;
    spouse.spouseId = head.residentId;
    members.push(spouse);
    if (p.username === 'citizen') {
      const child = allocator.allocate(county, '2019-08-08', 'male');
      members.push({ ...head, residentId: child.residentId, name: `${head.name[0]}沐阳`, sex: 'male', birthDate: child.birthDate, relationToHead: '子', maritalStatus: 'unmarried', spouseId: null });
    }
    for (const m of members) m.householdHeadId = head.residentId;
    persons.push(...members);
  }
  // Agents and legal representatives of the hand-written entities live where the entity is registered.
  const representativeIds = new Map<string, string>();
  for (const e of world.entities) {
    const county = e.creditCode.slice(2, 8);
    const region = e.regionCode ?? county;
    if (!persons.some((p) => p.residentId === e.agentResidentId)) persons.push(single(e.agentResidentId, e.agentName, e.address, region, String(household++).padStart(9, '0')));
    const rep = e.legalRepresentative ?? e.agentName;
    if (rep === e.agentName) representativeIds.set(e.creditCode, e.agentResidentId);
    else {
      const sex: Sex = FEMALE_GIVEN.includes(rep[rep.length - 1]!) ? 'female' : 'male';
      const id = allocator.allocate(county, '1968-05-20', sex).residentId;
      persons.push(single(id, rep, e.address, region, String(household++).padStart(9, '0')));
      representativeIds.set(e.creditCode, id);
    }
  }

  const representatives: Array<readonly [string, string, string]> = [];
  const adultBefore = `${REGISTER_DAY.getUTCFullYear() - 22}`;
  for (const hh of households({ rng, today: REGISTER_DAY, allocator, firstHousehold: 200_000_001 })) {
    if (persons.length >= size.persons) break;
    for (const m of hh) if (m.birthDate < adultBefore && representatives.length < 50_000) representatives.push([m.name, m.residentId, m.regionCode]);
    persons.push(...hh.slice(0, size.persons - persons.length));
  }

  const entityRows: EntityRecordSeed[] = [];
  const credit: CreditRecordSeed[] = [];
  world.entities.forEach((e, i) => {
    const county = e.creditCode.slice(2, 8);
    const where = place(county);
    const individual = e.creditCode[1] === '2';
    const demoCompany = i === 0;
    const establishedOn = demoCompany ? '2023-03-15' : `20${String(10 + i * 2).padStart(2, '0')}-0${(i % 9) + 1}-1${i}`;
    entityRows.push({
      creditCode: e.creditCode,
      name: e.entityName,
      entityType: individual ? '个体工商户' : '有限责任公司（自然人投资或控股）',
      legalRepresentative: e.legalRepresentative ?? e.agentName,
      legalRepresentativeId: representativeIds.get(e.creditCode)!,
      // The demo company's 营业执照 shows 100 (万元) and 日用百货、预包装食品销售 (seed.ts): the register says the same.
      registeredCapital: individual ? '0' : demoCompany ? '100' : String(50 * (i + 1)),
      address: e.address,
      businessScope: demoCompany ? '日用百货、预包装食品销售' : BUSINESS[i % BUSINESS.length]![1],
      status: 'active',
      establishedOn,
      regionCode: (e.regionCode ?? county).slice(0, 9),
    });
    credit.push({ subjectCode: e.creditCode, subjectName: e.entityName, kind: 'license', title: individual ? '个体工商户设立登记' : '公司设立登记', documentNo: `（${where.slice(-3, -1)}）登字〔${establishedOn.slice(0, 4)}〕第${String(i + 1).padStart(6, '0')}号`, content: '准予设立登记，核发营业执照', authority: `${where}市场监督管理局`, decidedOn: establishedOn, validUntil: null });
  });
  for (const { entity, credit: c } of entities({ rng, today: REGISTER_DAY, representatives, firstIndex: 1_000 })) {
    if (entityRows.length >= size.entities) break;
    entityRows.push(entity);
    credit.push(...c);
  }
  return { persons, entities: entityRows, credit };
}
