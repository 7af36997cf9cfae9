import { describe, expect, it } from 'vitest';
import { html, raw } from './html.ts';
import { storeHomePage } from './pages.ts';

describe('store html', () => {
  it('escapes every interpolated value', () => {
    expect(html`<p>${'<script>alert("x")</script>'}</p>`.value).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
    expect(html`<a href="${`" onclick="x`}">`.value).toBe('<a href="&quot; onclick=&quot;x">');
    expect(html`${raw('<b>ok</b>')}${null}${false}${[1, '&']}`.value).toBe('<b>ok</b>1&amp;');
  });

  it('renders product names safely, prices in the store locale and a safe brand colour only', () => {
    const page = storeHomePage(
      { name: 'Loja <Ana>', locale: 'pt-BR', primaryColor: 'red;}body{display:none' },
      [{ slug: 'caneca', title: 'Caneca <b>', priceMin: 1990, priceMax: 1990, currency: 'BRL', inStock: true }],
      null,
    );
    expect(page).toContain('Loja &lt;Ana&gt;');
    expect(page).toContain('Caneca &lt;b&gt;');
    expect(page).toMatch(/R\$\s19,90/);
    expect(page).not.toContain('display:none');
  });
});
