import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, transformWithEsbuild, type Plugin } from 'vite';

const BASE_CSS_ID = 'virtual:vitrine-base.css';
// The `\0` prefix keeps other plugins away; the `.css` ending makes Vite treat it as a stylesheet.
const RESOLVED_BASE_CSS_ID = `\0${BASE_CSS_ID}`;

/**
 * The shared design tokens and component classes (@vitrine/ui's baseCss string) as a real stylesheet, so the
 * renderer's Content-Security-Policy can forbid inline styles: `import 'virtual:vitrine-base.css'`.
 */
function vitrineBaseCss(): Plugin {
  return {
    name: 'vitrine-base-css',
    resolveId: (id) => (id === BASE_CSS_ID ? RESOLVED_BASE_CSS_ID : null),
    async load(id) {
      if (id !== RESOLVED_BASE_CSS_ID) return null;
      // @vitrine/ui ships TypeScript sources, which Node cannot import here: compile the module, then read its string.
      const resolved = await this.resolve('@vitrine/ui/styles', fileURLToPath(import.meta.url));
      if (!resolved) throw new Error('vitrine-base-css: @vitrine/ui/styles cannot be resolved from apps/desktop.');
      this.addWatchFile(resolved.id);
      const source = await readFile(resolved.id, 'utf8');
      const { code } = await transformWithEsbuild(source, resolved.id, { loader: 'ts', format: 'esm' });
      const styles = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { baseCss?: unknown };
      if (typeof styles.baseCss !== 'string') throw new Error('vitrine-base-css: @vitrine/ui/styles has no baseCss string.');
      return styles.baseCss;
    },
  };
}

/**
 * Vite marks the built script and stylesheet `crossorigin`; loaded from file:// (origin "null") that turns them into
 * CORS requests that fail, so the attribute goes (same-origin module scripts need no CORS anyway).
 */
function noCrossorigin(): Plugin {
  return {
    name: 'vitrine-no-crossorigin',
    enforce: 'post',
    transformIndexHtml: (html) => html.replace(/\s+crossorigin(?=[\s>])/g, ''),
  };
}

/** The renderer of the desktop app: loaded by Electron from files (or a custom protocol), hence relative URLs. */
export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react(), vitrineBaseCss(), noCrossorigin()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Everything as files: the CSP allows no inline scripts, styles or data: fonts.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome130',
  },
});
