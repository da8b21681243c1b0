import { asc, eq } from 'drizzle-orm';
import type { StaffMember, StaffRepo } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { staffMembers } from '../schema/index.ts';

const toMember = (row: typeof staffMembers.$inferSelect): StaffMember => ({
  telegramUserId: row.telegramUserId,
  displayName: row.displayName,
  active: row.active,
});

/** Staff members known by Telegram user id. */
export function createStaffRepo(db: Database): StaffRepo {
  return withStorageErrors('staff', {
    async upsert(member: StaffMember) {
      const [row] = await db
        .insert(staffMembers)
        .values(member)
        .onConflictDoUpdate({
          target: staffMembers.telegramUserId,
          set: { displayName: member.displayName, active: member.active },
        })
        .returning();
      if (!row) throw new Error('staff upsert returned no row');
      return toMember(row);
    },
    async isActive(telegramUserId: number) {
      const [row] = await db
        .select({ active: staffMembers.active })
        .from(staffMembers)
        .where(eq(staffMembers.telegramUserId, telegramUserId));
      return row?.active === true;
    },
    async list() {
      const rows = await db.select().from(staffMembers).orderBy(asc(staffMembers.telegramUserId));
      return rows.map(toMember);
    },
  });
}
