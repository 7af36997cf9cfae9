import { router, tenantProcedure } from '../../trpc.ts';
import { createCategory } from './categories/create.ts';
import { deleteCategory } from './categories/delete.ts';
import { createCategoryInput, deleteCategoryInput, updateCategoryInput } from './categories/inputs.ts';
import { listCategories } from './categories/list.ts';
import { updateCategory } from './categories/update.ts';
import { archiveProduct, restoreProduct } from './products/archive.ts';
import { createProduct } from './products/create.ts';
import { getProduct } from './products/get.ts';
import { createProductInput, listProductsInput, productIdInput, updateProductInput } from './products/inputs.ts';
import { listProducts } from './products/list.ts';
import { updateProduct } from './products/update.ts';

const read = tenantProcedure('catalog:read');
const write = tenantProcedure('catalog:write');

export const catalogRouter = router({
  categories: router({
    list: read.query(({ ctx }) => listCategories(ctx)),
    create: write.input(createCategoryInput).mutation(({ ctx, input }) => createCategory(ctx, input)),
    update: write.input(updateCategoryInput).mutation(({ ctx, input }) => updateCategory(ctx, input)),
    delete: write.input(deleteCategoryInput).mutation(({ ctx, input }) => deleteCategory(ctx, input)),
  }),
  products: router({
    list: read.input(listProductsInput).query(({ ctx, input }) => listProducts(ctx, input)),
    get: read.input(productIdInput).query(({ ctx, input }) => getProduct(ctx, input)),
    create: write.input(createProductInput).mutation(({ ctx, input }) => createProduct(ctx, input)),
    update: write.input(updateProductInput).mutation(({ ctx, input }) => updateProduct(ctx, input)),
    archive: write.input(productIdInput).mutation(({ ctx, input }) => archiveProduct(ctx, input)),
    restore: write.input(productIdInput).mutation(({ ctx, input }) => restoreProduct(ctx, input)),
  }),
});
