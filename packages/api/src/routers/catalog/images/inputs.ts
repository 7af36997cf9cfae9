import { z } from 'zod';
import { idSchema } from '../../../lib/schemas.ts';

const alt = z.string().trim().max(200, 'Keep the description under 200 characters');

/** An uploaded image to attach: the `key` answered by POST /api/uploads/images (purpose product). */
export const newImageInput = z.object({ key: z.string().min(1).max(200), alt: alt.default('') });
export const addImageInput = newImageInput.extend({ productId: idSchema });
export const updateImageInput = z.object({ id: idSchema, alt });
export const reorderImagesInput = z.object({
  productId: idSchema,
  ids: z.array(idSchema).min(1, 'Give the images in their new order').max(20),
});
export const imageIdInput = z.object({ id: idSchema });

export type NewImageInput = z.infer<typeof newImageInput>;
export type AddImageInput = z.infer<typeof addImageInput>;
export type UpdateImageInput = z.infer<typeof updateImageInput>;
export type ReorderImagesInput = z.infer<typeof reorderImagesInput>;
export type ImageIdInput = z.infer<typeof imageIdInput>;
