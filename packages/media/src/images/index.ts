export {
  deleteImage,
  ImageRejectedError,
  MAX_IMAGE_BYTES,
  processImageUpload,
  readStoredImage,
  storeImage,
  tooLarge,
  type ImageRejection,
  type ProcessedImage,
  type Rendition,
  type StoredImage,
} from './process-upload.ts';
export { bestRenditionWidth, RENDITION_WIDTHS, renditionKey, renditionWidths } from './renditions.ts';
export { sniffImageFormat, type ImageFormat } from './sniff.ts';
export { isUploadKeyOf, newUploadKey, UPLOAD_PURPOSES, type UploadPurpose } from './upload-keys.ts';
