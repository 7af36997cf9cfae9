import { handleImageUpload } from '../../../../src/server/image-upload.ts';

export const POST = handleImageUpload;
