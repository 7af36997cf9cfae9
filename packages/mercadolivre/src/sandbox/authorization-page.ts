import type { ResolvedApplication } from './core.ts';
import type { SellerRecord } from './model.ts';

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export interface AuthorizationPageInput {
  app: ResolvedApplication;
  /** The validated query parameters, carried through the form as hidden fields. */
  params: Record<string, string>;
  sellers: SellerRecord[];
  error?: string;
  selectedNickname?: string;
}

/** The consent page: pick (or type) the seller account and allow the application. Stable test ids. */
export function authorizationPage(input: AuthorizationPageInput): string {
  const appName = input.app.name ?? `Aplicativo ${input.app.clientId}`;
  const hidden = Object.entries(input.params)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('\n      ');
  const options = input.sellers
    .map((seller) => `<option value="${escape(seller.nickname)}"${seller.nickname === input.selectedNickname ? ' selected' : ''}>${escape(seller.nickname)} (${seller.siteId})</option>`)
    .join('');
  return `<!doctype html>
<html lang="pt-BR">
<head><meta charset="utf-8"><title>Mercado Livre (sandbox) · Autorizar ${escape(appName)}</title>
<style>body{font-family:system-ui,sans-serif;background:#ffe600;margin:0}main{max-width:28rem;margin:3rem auto;background:#fff;border-radius:.5rem;padding:2rem}
label{display:block;margin:.75rem 0 .25rem}select,input[type=text]{width:100%;padding:.5rem;box-sizing:border-box}
.actions{display:flex;gap:.5rem;margin-top:1.5rem}button{padding:.6rem 1.2rem;border-radius:.3rem;border:0;cursor:pointer}
button[value=allow]{background:#3483fa;color:#fff}.error{color:#b00020}</style></head>
<body><main>
  <h1 data-testid="ml-app-name">${escape(appName)}</h1>
  <p>quer acessar sua conta do Mercado Livre (sandbox): ler e gerenciar seus anúncios, vendas, perguntas e mensagens.</p>
  ${input.error ? `<p class="error" role="alert" data-testid="ml-error">${escape(input.error)}</p>` : ''}
  <form method="post" action="/authorization">
      ${hidden}
    <label for="ml-seller">Conta</label>
    <select id="ml-seller" name="nickname" data-testid="ml-seller">${options}</select>
    <label for="ml-nickname">ou digite o apelido</label>
    <input id="ml-nickname" type="text" name="nickname_input" data-testid="ml-nickname" autocomplete="off">
    <div class="actions">
      <button type="submit" name="decision" value="allow" data-testid="ml-authorize">Permitir</button>
      <button type="submit" name="decision" value="deny" data-testid="ml-deny">Cancelar</button>
    </div>
  </form>
</main></body></html>`;
}

export function authorizationErrorPage(message: string): string {
  return `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>Mercado Livre (sandbox) · Erro</title></head>
<body><main><h1>Não foi possível conectar</h1><p role="alert" data-testid="ml-error">${escape(message)}</p></main></body></html>`;
}
