export interface UploadedImage {
  key: string;
  renditions: { key: string; width: number; height: number; url: string }[];
}

/** Sends one image to POST /api/uploads/images and answers what was stored (or throws the server's sentence). */
export async function uploadImage(file: File, purpose: 'product' | 'logo'): Promise<UploadedImage> {
  const body = new FormData();
  body.set('file', file);
  body.set('purpose', purpose);
  const response = await fetch('/api/uploads/images', { method: 'POST', body });
  const answer = (await response.json().catch(() => ({}))) as Partial<UploadedImage> & { error?: string };
  if (!response.ok || !answer.key || !answer.renditions?.length) throw new Error(answer.error ?? 'The image could not be uploaded.');
  return answer as UploadedImage;
}

/** The rendition to show a logo with: the largest up to 480 pixels wide. */
export function logoUrlOf(image: UploadedImage): string {
  const fitting = image.renditions.filter((r) => r.width <= 480).sort((a, b) => b.width - a.width);
  return (fitting[0] ?? image.renditions[0]!).url;
}
