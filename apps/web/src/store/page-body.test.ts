import { describe, expect, it } from 'vitest';
import { renderPageBody } from './page-body.ts';

const render = (text: string) => renderPageBody(text).value;

describe('renderPageBody', () => {
  it('makes paragraphs from blank lines and keeps single line breaks', () => {
    expect(render('First line\nsecond line\n\nNext paragraph')).toBe('<p>First line<br>second line</p><p>Next paragraph</p>');
    expect(render('A\r\n\r\nB')).toBe('<p>A</p><p>B</p>');
  });

  it('escapes every tag and attribute a store owner types', () => {
    const out = render('<script>alert(1)</script> & <img src=x onerror="y">');
    expect(out).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=&quot;y&quot;&gt;</p>');
    expect(out).not.toContain('<script');
  });

  it('links [words](https://…), bare addresses and mailto, leaving the sentence punctuation outside', () => {
    expect(render('See [our terms](https://example.test/terms?a=1&b=2).')).toBe(
      '<p>See <a href="https://example.test/terms?a=1&amp;b=2" rel="nofollow noopener">our terms</a>.</p>',
    );
    expect(render('Write to mailto:help@example.test, or visit https://example.test.')).toBe(
      '<p>Write to <a href="mailto:help@example.test" rel="nofollow noopener">mailto:help@example.test</a>, or visit <a href="https://example.test" rel="nofollow noopener">https://example.test</a>.</p>',
    );
  });

  it('never links javascript: or data: addresses', () => {
    const out = render('[click](javascript:alert(1)) data:text/html,<b>x</b>');
    expect(out).not.toContain('<a');
    expect(out).toContain('[click](javascript:alert(1))');
  });

  it('escapes quotes inside a link so it cannot break out of the attribute', () => {
    const out = render('[x](https://example.test/"onmouseover="alert(1))');
    expect(out).toContain('href="https://example.test/&quot;onmouseover=&quot;alert(1"');
  });

  it('turns "# " and "## " lines into headings and "- " lines into lists', () => {
    expect(render('# Returns\n\n## How\n\n- Keep the box\n- Write to us')).toBe(
      '<h2>Returns</h2><h3>How</h3><ul><li>Keep the box</li><li>Write to us</li></ul>',
    );
  });
});
