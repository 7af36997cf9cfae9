import { accountMessagesOf } from './account-messages.ts';
import { html, type Html } from './html.ts';
import type { StoreLanguage } from './language.ts';

/**
 * The header's link to the buyer's account: "Sign in" for a visitor known to be signed out, "Account" otherwise
 * (/account sends a visitor without a session to the sign-in page).
 */
export function accountLink(look: { language?: StoreLanguage; buyerSignedIn?: boolean }): Html {
  const t = accountMessagesOf(look);
  return look.buyerSignedIn === false
    ? html`<a class="t-account" href="/account/sign-in" data-testid="account-link">${t.headerSignIn}</a>`
    : html`<a class="t-account" href="/account" data-testid="account-link">${t.headerAccount}</a>`;
}
