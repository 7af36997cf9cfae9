import type { WhiteLabel } from '@vitrine/api';
import { serverCaller } from '../server/caller.ts';

/**
 * The brand the current request is shown under: the partner whose admin domain the request came to, the partner
 * owning the signed-in person's active store, or the partner the person works for; null for Vitrine's own.
 */
export async function currentWhiteLabel(): Promise<WhiteLabel | null> {
  return (await serverCaller()).partner.whiteLabel();
}

/** Replaces Vitrine's colours on the whole page (the values are #rrggbb, checked by the database). */
export function WhiteLabelStyle({ brand }: { brand: WhiteLabel | null }) {
  if (!brand) return null;
  return <style dangerouslySetInnerHTML={{ __html: `:root{--brand:${brand.primaryColor};--brand-accent:${brand.accentColor}}` }} />;
}

/** The partner's logo, product name and support email, in place of Vitrine's, at the top of the page. */
export function WhiteLabelHeader({ brand }: { brand: WhiteLabel | null }) {
  if (!brand) return null;
  return (
    <>
      <WhiteLabelStyle brand={brand} />
      <header
        className="v-page"
        data-testid="white-label"
        style={{ display: 'flex', alignItems: 'center', gap: 12, paddingBottom: 0, borderBottom: `3px solid ${brand.accentColor}` }}
      >
        {brand.logoUrl ? <img src={brand.logoUrl} alt="" height={32} style={{ maxWidth: 160, objectFit: 'contain' }} /> : null}
        <strong style={{ color: 'var(--brand)', fontSize: '1.2rem' }}>{brand.name}</strong>
        <a href={`mailto:${brand.supportEmail}`} style={{ marginLeft: 'auto' }}>
          {brand.supportEmail}
        </a>
      </header>
    </>
  );
}
