// Applies pending migrations to DATABASE_URL (the owner connection).
import { migrate, MigrationError } from '../src/migrate.ts';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is missing: set it to the owner connection of the Vitrine database.');
  process.exit(78);
}
try {
  const { applied, skipped } = await migrate({ databaseUrl, log: (line) => console.log(line) });
  console.log(`migrations: ${applied.length} applied, ${skipped.length} already applied`);
} catch (error) {
  if (error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Could not migrate the database at ${new URL(databaseUrl).host}: ${message}`);
  process.exit(1);
}
