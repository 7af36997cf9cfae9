import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { ImageRejectedError, MAX_IMAGE_BYTES, newUploadKey, processImageUpload, storeImage, tooLarge, UPLOAD_PURPOSES, type UploadPurpose } from '@vitrine/media/images';
import { adminCaller } from '../admin/active-tenant.ts';
import { BodyTooLargeError, readBodyWithLimit } from './read-body.ts';
import { isCrossOriginWrite } from './same-origin.ts';
import { getStorage } from './storage.ts';

/** Room for the multipart boundaries and the other fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const answer = (status: number, error: string) => Response.json({ error }, { status });

/**
 * POST /api/uploads/images (multipart: `file`, `purpose` = product | logo). The caller must be allowed to change
 * the active store's catalogue; that is checked before the body is read, and the body is cut off past the limit.
 * Answers 201 with the stored image's key, size and renditions, or a sentence with 400/401/403/413.
 */
export async function handleImageUpload(request: Request): Promise<Response> {
  if (isCrossOriginWrite(request.method, request.headers)) return answer(403, 'This request came from another site and was refused.');

  let tenantId: string;
  let caller: NonNullable<Awaited<ReturnType<typeof adminCaller>>['caller']>;
  try {
    const admin = await adminCaller();
    if (!admin.caller) return answer(403, 'Open a store before uploading images.');
    caller = admin.caller;
    ({ tenantId } = await caller.catalog.images.uploadTarget());
  } catch (error) {
    if (error instanceof TRPCError) return answer(getHTTPStatusCodeFromError(error), error.message);
    throw error;
  }

  let form: FormData;
  try {
    const body = await readBodyWithLimit(request, MAX_IMAGE_BYTES + MULTIPART_OVERHEAD);
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch (error) {
    if (error instanceof BodyTooLargeError) return answer(413, tooLarge(MAX_IMAGE_BYTES).message);
    return answer(400, 'Send the image as a multipart form with a "file" field.');
  }

  const purpose = form.get('purpose');
  if (typeof purpose !== 'string' || !(UPLOAD_PURPOSES as readonly string[]).includes(purpose)) {
    return answer(400, 'Say what the image is for: purpose must be "product" or "logo".');
  }
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return answer(400, 'Choose an image file to upload.');

  try {
    const image = await processImageUpload(Buffer.from(await file.arrayBuffer()), { maxBytes: MAX_IMAGE_BYTES });
    // A product image counts against the plan's storage: refused here, before it is written, when it would not fit.
    if (purpose === 'product') await caller.catalog.images.uploadTarget({ bytes: image.renditions.reduce((sum, r) => sum + r.body.length, 0) });
    const stored = await storeImage(getStorage(), newUploadKey(tenantId, purpose as UploadPurpose), image);
    return Response.json(stored, { status: 201 });
  } catch (error) {
    if (error instanceof ImageRejectedError) return answer(error.reason === 'too_large' ? 413 : 400, error.message);
    if (error instanceof TRPCError) return answer(getHTTPStatusCodeFromError(error), error.message);
    throw error;
  }
}
