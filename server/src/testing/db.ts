import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { connect, type DbHandle } from '../platform/db/db.ts';

/** A private database for one test file, cloned from a template made in global setup. */
export async function createTestDatabase(template: 'tongban_empty' | 'tongban_demo' = 'tongban_demo'): Promise<DbHandle & { drop(): Promise<void> }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const h = connect(adminUrl.replace(/\/[^/?]+(\?|$)/, `/${name}$1`), { max: 5 });
  return {
    ...h,
    async drop() {
      await h.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
