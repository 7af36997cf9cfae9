import { authedProcedure, router, tenantProcedure } from '../../trpc.ts';
import { addCustomDomain, confirmDomainStep, storeDomains } from './domain.ts';
import { saveIdentity, slugAvailability } from './identity.ts';
import {
  customDomainInput,
  firstProductInput,
  identityInput,
  marketInput,
  previewInput,
  publishInput,
  shippingInput,
  slugAvailabilityInput,
  stripeSettingsInput,
  themeInput,
} from './inputs.ts';
import { saveMarket } from './market.ts';
import { paymentSettings, saveStripeSettings, skipPayments } from './payments.ts';
import { storePreview } from './preview.ts';
import { saveFirstProduct } from './product.ts';
import { setupProgress } from './progress.ts';
import { setPublished } from './publish.ts';
import { saveShipping, shippingRates } from './shipping.ts';
import { saveTheme } from './theme.ts';

const read = tenantProcedure('settings:read');
const write = tenantProcedure('settings:write');

/** The guided setup wizard: one procedure per step, each validated and audited, and where the store stands. */
export const setupRouter = router({
  progress: read.query(({ ctx }) => setupProgress(ctx)),
  /** Live check of a store address while typing (also before a store exists). */
  slugAvailable: authedProcedure.input(slugAvailabilityInput).query(({ ctx, input }) => slugAvailability(ctx, input.slug)),
  identity: write.input(identityInput).mutation(({ ctx, input }) => saveIdentity(ctx, input)),
  theme: write.input(themeInput).mutation(({ ctx, input }) => saveTheme(ctx, input.theme)),
  preview: read.input(previewInput).query(({ ctx, input }) => storePreview(ctx, input.theme)),
  market: write.input(marketInput).mutation(({ ctx, input }) => saveMarket(ctx, input)),
  product: write.input(firstProductInput).mutation(({ ctx, input }) => saveFirstProduct(ctx, input)),
  payments: router({
    get: read.query(({ ctx }) => paymentSettings(ctx)),
    saveStripe: write.input(stripeSettingsInput).mutation(({ ctx, input }) => saveStripeSettings(ctx, input)),
    skip: write.mutation(({ ctx }) => skipPayments(ctx)),
  }),
  shipping: router({
    get: read.query(({ ctx }) => shippingRates(ctx)),
    save: write.input(shippingInput).mutation(({ ctx, input }) => saveShipping(ctx, input)),
  }),
  domain: router({
    get: read.query(({ ctx }) => storeDomains(ctx)),
    addCustom: write.input(customDomainInput).mutation(({ ctx, input }) => addCustomDomain(ctx, input.hostname)),
    confirm: write.mutation(({ ctx }) => confirmDomainStep(ctx)),
  }),
  publish: write.input(publishInput).mutation(({ ctx, input }) => setPublished(ctx, input.published)),
});
