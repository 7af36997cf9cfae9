'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Card, Input } from '@vitrine/ui';
import type { Locale } from '../i18n/locale.ts';
import { catalogMessages } from '../i18n/messages/catalog.ts';
import { useTRPC } from '../trpc/client.tsx';

export interface EditorImage {
  id: string;
  alt: string;
  /** The rendition shown here (about 160 px wide). */
  thumbnailUrl: string;
}

/** Upload a photo (POST /api/uploads/images, then attach it), describe, order and delete the product's images. */
export function ProductImages({ locale, productId, images }: { locale: Locale; productId: string; images: EditorImage[] }) {
  const t = catalogMessages[locale];
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [alts, setAlts] = useState<Record<string, string>>(Object.fromEntries(images.map((i) => [i.id, i.alt])));
  const done = { onSuccess: () => (setError(null), router.refresh()), onError: (e: { message: string }) => setError(e.message) };
  const add = useMutation(trpc.catalog.images.add.mutationOptions(done));
  const update = useMutation(trpc.catalog.images.update.mutationOptions(done));
  const reorder = useMutation(trpc.catalog.images.reorder.mutationOptions(done));
  const remove = useMutation(trpc.catalog.images.delete.mutationOptions(done));

  const upload = useMutation({
    mutationFn: async (file: File) => {
      const body = new FormData();
      body.set('purpose', 'product');
      body.set('file', file);
      const response = await fetch('/api/uploads/images', { method: 'POST', body });
      const answer = (await response.json().catch(() => ({}))) as { key?: string; error?: string };
      if (!response.ok || !answer.key) throw new Error(answer.error ?? `The upload failed (${response.status}).`);
      return answer.key;
    },
    onSuccess: (key) => add.mutate({ productId, key }),
    onError: (e: Error) => setError(e.message),
  });

  const move = (index: number, by: -1 | 1) => {
    const ids = images.map((i) => i.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    reorder.mutate({ productId, ids });
  };
  const busy = upload.isPending || add.isPending;

  return (
    <Card>
      <h2 style={{ marginTop: 0 }}>{t.images}</h2>
      {error ? (
        <p className="v-alert" role="alert">
          {error}
        </p>
      ) : null}
      <div className="v-field">
        <label htmlFor="image-upload">{t.uploadPhoto}</label>
        <input
          id="image-upload"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
          disabled={busy}
          aria-describedby="image-upload-help"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload.mutate(file);
            e.target.value = '';
          }}
        />
        <span id="image-upload-help">{busy ? t.uploading : t.uploadHelp}</span>
      </div>
      {images.length === 0 ? (
        <p>{t.noImages}</p>
      ) : (
        <ol data-testid="product-images" style={{ listStyle: 'none', padding: 0 }}>
          {images.map((image, index) => (
            <li key={image.id} className="v-row" style={{ alignItems: 'center', marginBottom: 'var(--space-3)' }}>
              <img src={image.thumbnailUrl} alt={image.alt} width={80} style={{ height: 'auto' }} />
              <Input label={t.altOf(index + 1)} id={`image-${index}-alt`} name={`image-${index}-alt`} value={alts[image.id] ?? ''} onChange={(e) => setAlts((a) => ({ ...a, [image.id]: e.target.value }))} />
              <Button variant="secondary" onClick={() => update.mutate({ id: image.id, alt: alts[image.id] ?? '' })}>
                {t.saveAlt}
              </Button>
              <Button variant="secondary" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t.moveUp(index + 1)}>
                ↑
              </Button>
              <Button variant="secondary" disabled={index === images.length - 1} onClick={() => move(index, 1)} aria-label={t.moveDown(index + 1)}>
                ↓
              </Button>
              <Button variant="danger" onClick={() => remove.mutate({ id: image.id })} aria-label={t.deleteImage(index + 1)}>
                {t.delete}
              </Button>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
