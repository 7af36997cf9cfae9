import { router } from './trpc.ts';
import { catalogRouter } from './routers/catalog/router.ts';
import { desktopRouter } from './routers/desktop/router.ts';
import { mercadolivreRouter } from './routers/mercadolivre/router.ts';
import { platformRouter } from './routers/platform/router.ts';
import { storefrontRouter } from './routers/storefront/router.ts';
import { tenantRouter } from './routers/tenant/router.ts';

export const appRouter = router({
  tenant: tenantRouter,
  catalog: catalogRouter,
  storefront: storefrontRouter,
  platform: platformRouter,
  mercadolivre: mercadolivreRouter,
  desktop: desktopRouter,
});

export type AppRouter = typeof appRouter;
