/**
 * The resource catalog (信息资源目录): each resource names its provider department, the register it draws on, the
 * data items it shares (register fields, with type and sensitivity), how it is shared and updated, and the
 * application materials its content stands for.
 */
import type { Db } from '../../platform/db/db.ts';
import { REGISTER_FIELDS, type RegisterName } from './registers.ts';
import type { ResourceField, ShareMode, UpdateCycle } from './tables.ts';

export type ResourceInput = {
  code: string;
  name: string;
  description: string;
  providerOrgId: string;
  register: RegisterName;
  shareMode: ShareMode;
  conditions: string;
  updateCycle: UpdateCycle;
  /** Register field names; the first is the key a record is looked up by. */
  fields: string[];
  materials: string[];
  status: 'draft' | 'published' | 'withdrawn';
};

/** The data items of `register` named in `names`, in that order; throws RangeError for a name the register lacks. */
export function resourceFields(register: RegisterName, names: readonly string[]): ResourceField[] {
  return names.map((n) => {
    const f = REGISTER_FIELDS[register].find((x) => x.name === n);
    if (!f) throw new RangeError(`register ${register} has no field ${n}`);
    return { name: f.name, title: f.title, type: f.type, sensitivity: f.sensitivity };
  });
}

export async function insertResource(db: Db, r: ResourceInput): Promise<void> {
  await db
    .insertInto('data_resource')
    .values({
      code: r.code,
      name: r.name,
      description: r.description,
      provider_org_id: r.providerOrgId,
      register: r.register,
      share_mode: r.shareMode,
      conditions: r.conditions,
      update_cycle: r.updateCycle,
      fields: JSON.stringify(resourceFields(r.register, r.fields)),
      key_field: r.fields[0]!,
      materials: r.materials,
      status: r.status,
    })
    .execute();
}
