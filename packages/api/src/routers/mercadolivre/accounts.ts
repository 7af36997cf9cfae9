import type { MlAccountStatus } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { notFound } from '../../errors.ts';
import type { TenantContext } from '../../trpc.ts';
import type { AccountIdInput } from './inputs.ts';
import { ACCOUNT_NOT_FOUND, idText } from './shared.ts';
import { latestRuns, type RunView } from './sync.ts';

export interface AccountView {
  id: string;
  mlUserId: string;
  nickname: string;
  siteId: string;
  status: MlAccountStatus;
  statusReason: string | null;
  lastSyncedAt: Date | null;
  tokenExpiresAt: Date | null;
  unansweredQuestions: number;
  deadLetters: number;
  /** Runs queued or running now. */
  activeRuns: number;
  /** The latest run per resource (what the progress bars show). */
  runs: RunView[];
}

const countBy = (rows: { accountId: string; _count: { _all: number } }[]) => new Map(rows.map((r) => [r.accountId, r._count._all]));

/** Every account of the store (disconnected ones too), with what needs attention. */
export async function listAccounts(ctx: TenantContext): Promise<AccountView[]> {
  const [accounts, tokens, unanswered, dead, runs] = await Promise.all([
    ctx.tdb.mlAccount.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    ctx.tdb.mlToken.findMany({ select: { accountId: true, expiresAt: true } }),
    ctx.tdb.mlQuestion.groupBy({ by: ['accountId'], where: { status: 'UNANSWERED' }, _count: { _all: true } }),
    ctx.tdb.mlNotification.groupBy({ by: ['accountId'], where: { status: 'DEAD' }, _count: { _all: true } }),
    latestRuns(ctx.tdb),
  ]);
  const expiry = new Map(tokens.map((t) => [t.accountId, t.expiresAt]));
  const unansweredBy = countBy(unanswered);
  const deadBy = countBy(dead);
  return accounts.map((a) => {
    const own = runs.filter((r) => r.accountId === a.id);
    return {
      id: a.id,
      mlUserId: idText(a.mlUserId),
      nickname: a.nickname,
      siteId: a.siteId,
      status: a.status,
      statusReason: a.statusReason,
      lastSyncedAt: a.lastSyncedAt,
      tokenExpiresAt: expiry.get(a.id) ?? null,
      unansweredQuestions: unansweredBy.get(a.id) ?? 0,
      deadLetters: deadBy.get(a.id) ?? 0,
      activeRuns: own.filter((r) => r.status === 'QUEUED' || r.status === 'RUNNING').length,
      runs: own,
    };
  });
}

/**
 * Stops syncing an account: status DISCONNECTED, its tokens deleted, its route released (another store may
 * connect the ML user afterwards). Orders, questions and messages stay.
 */
export async function disconnectAccount(ctx: TenantContext, input: AccountIdInput) {
  const tenantId = ctx.tenant.id;
  const account = await ctx.tdb.$scoped(async (tx) => {
    const found = await tx.mlAccount.findFirst({ where: { id: input.accountId }, select: { id: true, mlUserId: true, nickname: true, status: true } });
    if (!found) throw notFound(ACCOUNT_NOT_FOUND);
    await tx.mlAccount.update({ where: { id: found.id }, data: { status: 'DISCONNECTED', statusReason: null } });
    await tx.mlToken.deleteMany({ where: { accountId: found.id } });
    await audit(tx, memberActor(ctx), {
      tenantId,
      action: 'mercadolivre.account.disconnected',
      targetType: 'ml_account',
      targetId: found.id,
      data: { mlUserId: found.mlUserId.toString(), nickname: found.nickname, from: found.status },
    });
    return found;
  });
  await ctx.db.platform.mlAccountRoute.deleteMany({ where: { mlUserId: account.mlUserId, tenantId } });
  return { accountId: account.id, status: 'DISCONNECTED' as const };
}
