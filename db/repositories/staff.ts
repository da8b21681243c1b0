import { asc, eq, sql } from 'drizzle-orm';
import type { StaffMember, StaffRepo } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { staffMembers } from '../schema/index.ts';

const toMember = (row: typeof staffMembers.$inferSelect): StaffMember => ({
  telegramUserId: row.telegramUserId,
  displayName: row.displayName,
  username: row.username,
  locale: row.locale,
  active: row.active,
});

const one = (rows: (typeof staffMembers.$inferSelect)[]) => {
  const [row] = rows;
  return row && toMember(row);
};

/** Staff members known by Telegram user id. */
export function createStaffRepo(db: Database): StaffRepo {
  const get = async (telegramUserId: number) =>
    one(
      await db.select().from(staffMembers).where(eq(staffMembers.telegramUserId, telegramUserId)),
    );
  return withStorageErrors('staff', {
    async upsert(member: StaffMember) {
      const [row] = await db
        .insert(staffMembers)
        .values(member)
        .onConflictDoUpdate({
          target: staffMembers.telegramUserId,
          set: {
            displayName: member.displayName,
            username: member.username,
            locale: member.locale,
            active: member.active,
            updatedAt: sql`now()`,
          },
        })
        .returning();
      if (!row) throw new Error('staff upsert returned no row');
      return toMember(row);
    },
    async seen(telegramUserId: number, firstName: string, username: string | null) {
      const handle = username?.toLowerCase() ?? null;
      const [row] = await db
        .insert(staffMembers)
        .values({ telegramUserId, displayName: firstName, username: handle })
        .onConflictDoUpdate({
          target: staffMembers.telegramUserId,
          set: { username: handle },
          setWhere: sql`${staffMembers.username} is distinct from ${handle}`,
        })
        .returning();
      return row ? toMember(row) : ((await get(telegramUserId)) as StaffMember);
    },
    get,
    async findByUsername(username: string) {
      return one(
        await db
          .select()
          .from(staffMembers)
          .where(eq(staffMembers.username, username.replace(/^@/, '').toLowerCase())),
      );
    },
    async update(telegramUserId, changes) {
      const set = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined),
      );
      if (Object.keys(set).length === 0) return get(telegramUserId);
      return one(
        await db
          .update(staffMembers)
          .set({ ...set, updatedAt: sql`now()` })
          .where(eq(staffMembers.telegramUserId, telegramUserId))
          .returning(),
      );
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
