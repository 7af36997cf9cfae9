import { router } from './trpc.ts';
import { catalogRouter } from './routers/catalog/router.ts';
import { productIoRouter } from './routers/product-io/router.ts';
import { desktopRouter } from './routers/desktop/router.ts';
import { mercadolivreRouter } from './routers/mercadolivre/router.ts';
import { platformRouter } from './routers/platform/router.ts';
import { storefrontRouter } from './routers/storefront/router.ts';
import { tenantRouter } from './routers/tenant/router.ts';
import { teamRouter } from './routers/team/router.ts';
import { setupRouter } from './routers/setup/router.ts';
import { auditRouter } from './routers/audit/router.ts';
import { billingRouter } from './routers/billing/router.ts';
import { dashboardRouter } from './routers/dashboard/router.ts';
import { pagesRouter } from './routers/pages/router.ts';
import { dataExportRouter } from './routers/data-export/router.ts';
import { cartRouter } from './routers/cart/router.ts';
import { checkoutRouter } from './routers/checkout/router.ts';
import { ordersRouter } from './routers/orders/router.ts';
import { orderTrackingRouter } from './routers/order-tracking/router.ts';
import { couponsRouter } from './routers/coupons/router.ts';
import { taxRulesRouter } from './routers/tax-rules/router.ts';
import { supportRouter } from './routers/support/router.ts';
import { platformSupportRouter } from './routers/platform-support/router.ts';
import { helpRouter } from './routers/help/router.ts';
import { partnerRouter } from './routers/partner/router.ts';
import { platformPartnersRouter } from './routers/platform-partners/router.ts';
import { modulesRouter } from './routers/modules/router.ts';
import { platformPlansRouter } from './routers/platform-plans/router.ts';
import { platformThemesRouter } from './routers/platform-themes/router.ts';
import { platformStatsRouter } from './routers/platform-stats/router.ts';
import { buyerAccountRouter } from './routers/buyer-account/router.ts';

export const appRouter = router({
  tenant: tenantRouter,
  catalog: catalogRouter,
  productIo: productIoRouter,
  storefront: storefrontRouter,
  platform: platformRouter,
  mercadolivre: mercadolivreRouter,
  desktop: desktopRouter,
  team: teamRouter,
  setup: setupRouter,
  audit: auditRouter,
  billing: billingRouter,
  dashboard: dashboardRouter,
  pages: pagesRouter,
  dataExport: dataExportRouter,
  cart: cartRouter,
  checkout: checkoutRouter,
  orders: ordersRouter,
  orderTracking: orderTrackingRouter,
  coupons: couponsRouter,
  taxRules: taxRulesRouter,
  support: supportRouter,
  platformSupport: platformSupportRouter,
  help: helpRouter,
  partner: partnerRouter,
  platformPartners: platformPartnersRouter,
  modules: modulesRouter,
  platformPlans: platformPlansRouter,
  platformThemes: platformThemesRouter,
  platformStats: platformStatsRouter,
  buyerAccount: buyerAccountRouter,
});

export type AppRouter = typeof appRouter;
