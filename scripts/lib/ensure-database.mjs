// Creates the database named in DATABASE_URL if it is missing, connecting to the server's `postgres`
// database as the same user. Prints one line; exits 1 with a readable message on failure.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(fileURLToPath(new URL('../../packages/db/package.json', import.meta.url)));
const pg = require('pg');

const target = new URL(process.env.DATABASE_URL ?? '');
const name = decodeURIComponent(target.pathname.slice(1));
if (!/^[A-Za-z0-9_-]+$/.test(name)) {
  console.error(`DATABASE_URL must name a database made of letters, digits, '_' or '-' (got "${name}").`);
  process.exit(1);
}
const server = new URL(target);
server.pathname = '/postgres';

const client = new pg.Client({ connectionString: server.toString() });
try {
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (rowCount === 0) {
    await client.query(`CREATE DATABASE "${name}"`);
    console.log(`created database ${name}`);
  } else {
    console.log(`database ${name} exists`);
  }
} catch (error) {
  console.error(`Could not create database ${name} on ${server.host}: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
}
