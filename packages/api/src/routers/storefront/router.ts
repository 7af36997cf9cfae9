import { router, storefrontProcedure } from '../../trpc.ts';
import { storefrontHome, storefrontStore } from './home.ts';
import { storefrontProductInput, storefrontProductsInput } from './inputs.ts';
import { storefrontProduct } from './product.ts';
import { storefrontProducts } from './products.ts';

/** The public store behind the request's Host. */
export const storefrontRouter = router({
  store: storefrontProcedure.query(({ ctx }) => storefrontStore(ctx)),
  home: storefrontProcedure.query(({ ctx }) => storefrontHome(ctx)),
  products: storefrontProcedure.input(storefrontProductsInput).query(({ ctx, input }) => storefrontProducts(ctx, input)),
  product: storefrontProcedure.input(storefrontProductInput).query(({ ctx, input }) => storefrontProduct(ctx, input)),
});
