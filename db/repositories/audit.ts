import { desc } from 'drizzle-orm';
import type { AuditEntry, AuditRepo } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { staffAudit } from '../schema/index.ts';

/** The staff audit: refused attempts to use the staff tools. */
export function createAuditRepo(db: Database): AuditRepo {
  return withStorageErrors('audit', {
    async record(entry: AuditEntry) {
      await db.insert(staffAudit).values(entry);
    },
    async list(limit = 100) {
      const rows = await db.select().from(staffAudit).orderBy(desc(staffAudit.id)).limit(limit);
      return rows.map(
        ({ id: _id, ...row }): AuditEntry => ({ ...row, outcome: row.outcome as 'refused' }),
      );
    },
  });
}
