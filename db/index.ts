export { describeUrl, type OpenDatabaseOptions, openDatabase } from './client.ts';
export type { Database, DatabaseHandle } from './database.ts';
export {
  DatabaseConnectError,
  DataDirInUseError,
  isUnavailableError,
  MigrationError,
  StorageError,
} from './errors.ts';
export * from './inbox/index.ts';
export * from './jobs/index.ts';
export {
  committedMigrations,
  MIGRATIONS_FOLDER,
  type MigrationReport,
  migrationStatus,
} from './migrate.ts';
export * from './outbox/index.ts';
export * from './repositories/index.ts';
export { rolledBackAlone } from './savepoint.ts';
export * from './store/index.ts';
