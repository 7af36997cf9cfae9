export const MAX_IMAGES_PER_PRODUCT = 20;
