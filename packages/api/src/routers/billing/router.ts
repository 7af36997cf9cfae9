import { changePlan, listInvoices, portalLink, purchasablePrices, setCancelAtPeriodEnd, startSubscription, subscriptionView } from '../../billing/flows.ts';
import { billingStanding } from '../../billing/standing.ts';
import { authedProcedure, router, tenantProcedure } from '../../trpc.ts';
import { choosePlanInput } from './inputs.ts';
import { currentPlan, planUsage } from './plan.ts';

/** The store's subscription; 'billing:manage' is the owner's (or staff granted 'billing'). */
export const billingRouter = router({
  plan: tenantProcedure('billing:manage').query(({ ctx }) => currentPlan(ctx)),
  /** Every limit with what the store uses (and the percentage), and the public plans to compare. */
  usage: tenantProcedure('billing:manage').query(({ ctx }) => planUsage(ctx)),
  /** The Stripe subscription as last applied: status, price, period end, cancel at period end, dunning dates. */
  subscription: tenantProcedure('billing:manage').query(({ ctx }) => subscriptionView(ctx)),
  /** The plans and intervals that can be bought, with Stripe's amount for each. */
  prices: tenantProcedure('billing:manage').query(({ ctx }) => purchasablePrices(ctx)),
  invoices: tenantProcedure('billing:manage').query(({ ctx }) => listInvoices(ctx)),
  /** Subscribes the store to a paid plan (the plan's trial days). */
  subscribe: tenantProcedure('billing:manage').input(choosePlanInput).mutation(({ ctx, input }) => startSubscription(ctx, input)),
  /** Another plan or interval; the rest of the period is prorated on the next invoice. */
  changePlan: tenantProcedure('billing:manage').input(choosePlanInput).mutation(({ ctx, input }) => changePlan(ctx, input)),
  cancel: tenantProcedure('billing:manage').mutation(({ ctx }) => setCancelAtPeriodEnd(ctx, true)),
  resume: tenantProcedure('billing:manage').mutation(({ ctx }) => setCancelAtPeriodEnd(ctx, false)),
  /** A Stripe billing-portal link (card, invoices) returning to /admin/billing. */
  portal: tenantProcedure('billing:manage').mutation(({ ctx }) => portalLink(ctx)),
  /** For the admin banner, any member of the active store: PAST_DUE / RESTRICTED and whether they may pay. */
  standing: authedProcedure.query(({ ctx }) => billingStanding(ctx)),
});
