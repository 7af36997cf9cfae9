// vitrine-admin: the operators' command line (see the README's "Operators" section). Run with tsx:
//   pnpm --filter @vitrine/cli admin -- <command> [options]     or     apps/cli/bin/vitrine-admin.mjs <command>
import { TRPCError } from '@trpc/server';
import { ImportRefusedError } from '@vitrine/api/data-export';
import { help as migrateHelp, dbMigrateAll } from './commands/db-migrate-all.ts';
import { help as createHelp, tenantsCreate } from './commands/tenants-create.ts';
import { help as exportHelp, tenantsExport } from './commands/tenants-export.ts';
import { help as importHelp, tenantsImport } from './commands/tenants-import.ts';
import { help as listHelp, tenantsList } from './commands/tenants-list.ts';
import { reactivateHelp, suspendHelp, tenantsReactivate, tenantsSuspend } from './commands/tenants-status.ts';
import { CommandError, EXIT, UsageError } from './errors.ts';
import { openServices, type Services } from './services.ts';

interface Command {
  summary: string;
  help: string;
  /** Commands without services reach only what they name (db:migrate-all: the owner connection). */
  run: (args: string[], services: Services | null) => Promise<number>;
  services: boolean;
}

const COMMANDS: Record<string, Command> = {
  'tenants:create': { summary: 'open a store (creating its owner if needed)', help: createHelp, run: (a, s) => tenantsCreate(a, s!), services: true },
  'tenants:list': { summary: 'list stores (--status, --plan, --json)', help: listHelp, run: (a, s) => tenantsList(a, s!), services: true },
  'tenants:suspend': { summary: 'suspend a store', help: suspendHelp, run: (a, s) => tenantsSuspend(a, s!), services: true },
  'tenants:reactivate': { summary: 'reactivate a suspended store', help: reactivateHelp, run: (a, s) => tenantsReactivate(a, s!), services: true },
  'tenants:export': { summary: 'write a store’s data to a zip archive', help: exportHelp, run: (a, s) => tenantsExport(a, s!), services: true },
  'tenants:import': { summary: 'restore an archive as a store', help: importHelp, run: (a, s) => tenantsImport(a, s!), services: true },
  'db:migrate-all': { summary: 'migrate the platform and every dedicated database', help: migrateHelp, run: (a) => dbMigrateAll(a), services: false },
};

const USAGE = `vitrine-admin <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(20)}${c.summary}`)
  .join('\n')}

Run "vitrine-admin <command> --help" for a command's options. The commands read the same variables as the web
app (APP_DATABASE_URL, REDIS_URL, DATA_ENCRYPTION_KEYS, PLATFORM_DOMAIN, APP_URL; DATABASE_URL for
db:migrate-all). Platform actions are signed by a platform administrator: --as <email> or VITRINE_OPERATOR_EMAIL.
Exit codes: 0 done, 1 failed, 2 wrong usage.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.help);
    return EXIT.ok;
  }
  let services: Services | null = null;
  try {
    if (command.services) services = await openServices();
    return await command.run(args, services);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${command.help}`);
      return EXIT.usage;
    }
    if (error instanceof CommandError || error instanceof ImportRefusedError || error instanceof TRPCError) {
      console.error(error.message);
      return EXIT.failed;
    }
    console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  } finally {
    await services?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
// Connection pools may keep the event loop alive for their idle timeout; the work is done.
process.exit();
