import { html, raw, escapeHtml, type Html } from './html.ts';

/**
 * An institutional page's text as safe HTML: blank lines separate paragraphs, single line breaks stay,
 * "# " and "## " lines become headings, "- " lines become lists, and links are written as
 * [words](https://…) or left bare (https://…, mailto:…). Everything else is escaped, so no markup a
 * store owner types ever reaches the page as markup.
 */
export function renderPageBody(body: string): Html {
  const blocks = body.replace(/\r\n?/g, '\n').split(/\n{2,}/).map((b) => b.trim()).filter(Boolean);
  return raw(blocks.map(renderBlock).join(''));
}

function renderBlock(block: string): string {
  const lines = block.split('\n');
  if (lines.length === 1 && /^#{1,2} /.test(block)) {
    const level = block.startsWith('## ') ? 3 : 2;
    return `<h${level}>${inline(block.replace(/^#{1,2} /, ''))}</h${level}>`;
  }
  if (lines.every((l) => /^- /.test(l))) return `<ul>${lines.map((l) => `<li>${inline(l.slice(2))}</li>`).join('')}</ul>`;
  return `<p>${lines.map(inline).join('<br>')}</p>`;
}

const LINK = /\[([^\]\n]{1,200})\]\(((?:https?:\/\/|mailto:)[^\s)]{1,2000})\)|((?:https?:\/\/|mailto:)[^\s<>()]{1,2000})/g;

/** One line: text escaped, links turned into anchors (http, https and mailto only). */
function inline(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    out += escapeHtml(text.slice(last, match.index));
    const [, words, target, bare] = match;
    const href = words ? target! : bare!.replace(/[.,;:!?]+$/, '');
    const trailing = words ? '' : bare!.slice(href.length);
    out += html`<a href="${href}" rel="nofollow noopener">${words ?? href}</a>`.value + escapeHtml(trailing);
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}
