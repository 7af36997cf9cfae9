import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hashPassword } from '@vitrine/core/passwords';
import { Prisma } from '@vitrine/db';
import { parse, required } from '../args.ts';
import { CommandError, UsageError } from '../errors.ts';
import { storeUrl, type Services } from '../services.ts';

export const help = `vitrine-admin tenants:create --name <name> --slug <address> --owner-email <email> [--plan <code>] [--as <admin email>]

Opens a store exactly as sign-up does (tenant.create): its {slug}.<platform domain> address, an unpublished
storefront, the owner's membership and the audit row. An owner without an account gets one with a generated
password, printed once. --plan puts the store on another plan (audited as the platform administrator --as).`;

export async function tenantsCreate(args: string[], services: Services): Promise<number> {
  const { values } = parse(args, {
    name: { type: 'string' }, slug: { type: 'string' }, 'owner-email': { type: 'string' }, plan: { type: 'string' }, as: { type: 'string' },
  }, { min: 0, max: 0, names: '' });
  const name = required(values, 'name');
  const slug = required(values, 'slug');
  const email = z.string().trim().toLowerCase().email().safeParse(required(values, 'owner-email'));
  if (!email.success) throw new UsageError('--owner-email must be an email address.');
  const { db } = services;

  // Checked before anything is written, so a refused store leaves no account behind.
  const plan = values.plan ? await db.platform.plan.findUnique({ where: { code: values.plan }, select: { code: true } }) : null;
  if (values.plan && !plan) {
    const codes = (await db.platform.plan.findMany({ select: { code: true }, orderBy: { code: 'asc' } })).map((p) => p.code);
    throw new CommandError(`There is no plan "${values.plan}". Plans: ${codes.join(', ') || '(none)'}.`);
  }
  const operator = values.plan ? await services.operator(values.as) : null;
  if (await db.platform.tenant.findUnique({ where: { slug }, select: { id: true } })) {
    throw new CommandError(`The store address "${slug}" is already taken. Choose another one.`);
  }

  let password: string | null = null;
  let owner = await db.platform.user.findUnique({ where: { email: email.data }, select: { id: true, email: true, platformRole: true } });
  if (!owner) {
    password = randomBytes(12).toString('base64url');
    owner = await db.platform.user.create({
      data: { email: email.data, passwordHash: await hashPassword(password), emailVerified: new Date() },
      select: { id: true, email: true, platformRole: true },
    });
  }
  const store = await services.callerAs(owner).tenant.create({ name, slug });

  if (plan && operator) {
    await db.platform.$transaction(async (tx) => {
      const before = await tx.tenant.findUniqueOrThrow({ where: { id: store.id }, select: { planCode: true } });
      await tx.$executeRaw(Prisma.sql`SELECT set_config('app.tenant_id', ${store.id}, true)`);
      await tx.tenant.update({ where: { id: store.id }, data: { planCode: plan.code } });
      await tx.auditLog.create({
        data: {
          tenantId: store.id, actorPlatformUserId: operator.id, action: 'tenant.plan_changed', targetType: 'tenant', targetId: store.id,
          data: { from: before.planCode, to: plan.code }, requestId: services.runBy,
        },
      });
    });
    await services.resolver.invalidateTenant(store.id);
  }

  const lines = [
    `Store created: ${store.name} (${store.slug}), id ${store.id}, status ${store.status}${plan ? `, plan ${plan.code}` : ''}`,
    `Store URL:  ${storeUrl(services.appUrl, store.hostname)}`,
    `Admin:      ${new URL('/admin', services.appUrl).toString()}`,
    `Owner:      ${owner.email}`,
    password ? `Password:   ${password}   (new account; shown once — ask the owner to change it)` : 'Password:   (existing account, unchanged)',
  ];
  console.log(lines.join('\n'));
  return 0;
}
