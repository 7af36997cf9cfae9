import { router, tenantProcedure } from '../../trpc.ts';
import { createCategory } from './categories/create.ts';
import { deleteCategory } from './categories/delete.ts';
import { createCategoryInput, deleteCategoryInput, updateCategoryInput } from './categories/inputs.ts';
import { listCategories } from './categories/list.ts';
import { updateCategory } from './categories/update.ts';
import {
  collectionIdInput,
  createCollectionInput,
  setCollectionProductsInput,
  updateCollectionInput,
} from './collections/inputs.ts';
import {
  createCollection,
  deleteCollection,
  getCollection,
  listCollections,
  setCollectionProducts,
  updateCollection,
} from './collections/collections.ts';
import { addImageInput, imageIdInput, reorderImagesInput, updateImageInput } from './images/inputs.ts';
import { addProductImage, deleteProductImage, reorderProductImages, updateProductImage } from './images/product-images.ts';
import { uploadTarget, uploadTargetInput } from './images/upload-target.ts';
import { bulkProducts } from './products/bulk.ts';
import { previewVariants } from './products/preview-variants.ts';
import { archiveProduct, restoreProduct } from './products/archive.ts';
import { createProduct } from './products/create.ts';
import { getProduct } from './products/get.ts';
import {
  bulkActionInput,
  createProductInput,
  listProductsInput,
  previewVariantsInput,
  productIdInput,
  updateProductInput,
} from './products/inputs.ts';
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
  collections: router({
    list: read.query(({ ctx }) => listCollections(ctx)),
    get: read.input(collectionIdInput).query(({ ctx, input }) => getCollection(ctx, input)),
    create: write.input(createCollectionInput).mutation(({ ctx, input }) => createCollection(ctx, input)),
    update: write.input(updateCollectionInput).mutation(({ ctx, input }) => updateCollection(ctx, input)),
    delete: write.input(collectionIdInput).mutation(({ ctx, input }) => deleteCollection(ctx, input)),
    setProducts: write.input(setCollectionProductsInput).mutation(({ ctx, input }) => setCollectionProducts(ctx, input)),
  }),
  images: router({
    /** Asked by POST /api/uploads/images before reading a file. */
    uploadTarget: write.input(uploadTargetInput).query(({ ctx, input }) => uploadTarget(ctx, input)),
    add: write.input(addImageInput).mutation(({ ctx, input }) => addProductImage(ctx, input)),
    update: write.input(updateImageInput).mutation(({ ctx, input }) => updateProductImage(ctx, input)),
    reorder: write.input(reorderImagesInput).mutation(({ ctx, input }) => reorderProductImages(ctx, input)),
    delete: write.input(imageIdInput).mutation(({ ctx, input }) => deleteProductImage(ctx, input)),
  }),
  products: router({
    list: read.input(listProductsInput).query(({ ctx, input }) => listProducts(ctx, input)),
    get: read.input(productIdInput).query(({ ctx, input }) => getProduct(ctx, input)),
    create: write.input(createProductInput).mutation(({ ctx, input }) => createProduct(ctx, input)),
    update: write.input(updateProductInput).mutation(({ ctx, input }) => updateProduct(ctx, input)),
    archive: write.input(productIdInput).mutation(({ ctx, input }) => archiveProduct(ctx, input)),
    restore: write.input(productIdInput).mutation(({ ctx, input }) => restoreProduct(ctx, input)),
    bulk: write.input(bulkActionInput).mutation(({ ctx, input }) => bulkProducts(ctx, input)),
    /** The variant matrix for a set of options, with free generated SKUs (nothing saved). */
    previewVariants: read.input(previewVariantsInput).query(({ ctx, input }) => previewVariants(ctx, input)),
  }),
});
