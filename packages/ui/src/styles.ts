/** Vitrine design tokens (CSS variables) and the base look of the shared components. A store overrides --brand. */
export const baseCss = /* css */ `
:root {
  --brand: #2f5bea;
  --brand-contrast: #ffffff;
  --bg: #f7f7f8;
  --surface: #ffffff;
  --text: #1b1c1f;
  --muted: #60646c;
  --border: #e2e3e7;
  --danger: #c0262d;
  --success: #1f7a3d;
  --warning: #9a6700;
  --radius: 8px;
  --space-1: 4px;
  --space-2: 8px;
  --space-3: 12px;
  --space-4: 16px;
  --space-6: 24px;
  --font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
}
* { box-sizing: border-box; }
body { margin: 0; font-family: var(--font); background: var(--bg); color: var(--text); line-height: 1.5; }
a { color: var(--brand); }
:focus-visible { outline: 2px solid var(--brand); outline-offset: 2px; }
.v-page { max-width: 1080px; margin: 0 auto; padding: var(--space-6) var(--space-4); }
.v-page-header { display: flex; align-items: center; justify-content: space-between; gap: var(--space-4); margin-bottom: var(--space-6); }
.v-page-header h1 { margin: 0; font-size: 1.6rem; }
.v-page-header p { margin: var(--space-1) 0 0; color: var(--muted); }
.v-button { display: inline-flex; align-items: center; gap: var(--space-2); border: 1px solid var(--brand); background: var(--brand); color: var(--brand-contrast); border-radius: var(--radius); padding: var(--space-2) var(--space-4); font: inherit; cursor: pointer; text-decoration: none; }
.v-button[disabled] { opacity: 0.6; cursor: not-allowed; }
.v-button--secondary { background: var(--surface); color: var(--text); border-color: var(--border); }
.v-button--danger { background: var(--danger); border-color: var(--danger); }
.v-field { display: flex; flex-direction: column; gap: var(--space-1); margin-bottom: var(--space-3); }
.v-field label { font-weight: 600; font-size: 0.9rem; }
.v-field input, .v-field select { font: inherit; padding: var(--space-2) var(--space-3); border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); }
.v-field--invalid input { border-color: var(--danger); }
.v-field__error { color: var(--danger); font-size: 0.85rem; }
.v-card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: var(--space-4); }
.v-table { width: 100%; border-collapse: collapse; background: var(--surface); }
.v-table th, .v-table td { text-align: left; padding: var(--space-2) var(--space-3); border-bottom: 1px solid var(--border); }
.v-table th { font-size: 0.85rem; color: var(--muted); }
.v-badge { display: inline-block; padding: 0 var(--space-2); border-radius: 999px; font-size: 0.8rem; border: 1px solid var(--border); }
.v-badge--success { color: var(--success); border-color: var(--success); }
.v-badge--warning { color: var(--warning); border-color: var(--warning); }
.v-badge--danger { color: var(--danger); border-color: var(--danger); }
.v-empty { text-align: center; padding: var(--space-6); border: 1px dashed var(--border); border-radius: var(--radius); background: var(--surface); }
.v-empty h2 { margin-top: 0; }
.v-alert { padding: var(--space-3); border-radius: var(--radius); border: 1px solid var(--danger); color: var(--danger); background: #fff5f5; margin-bottom: var(--space-3); }
.v-notice { padding: var(--space-3); border-radius: var(--radius); border: 1px solid #93c5fd; color: #1e3a8a; background: #eff6ff; margin-bottom: var(--space-3); }
.v-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: var(--space-4); }
.v-row { display: flex; gap: var(--space-3); align-items: end; flex-wrap: wrap; }
`;
