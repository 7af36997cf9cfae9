/**
 * The narrow, typed bridge between the renderer (untrusted web content) and the main process (local store,
 * sync, outbox, token). The preload script exposes exactly these methods as `window.vitrine`; the main process
 * validates every argument (bridge-inputs.ts) before it reaches the app. Everything that crosses is plain JSON:
 * dates are ISO strings, 64-bit ids and money in minor units are decimal strings.
 *
 * The same object is put behind the renderer in Chromium tests (Playwright's exposeBinding), so the tested
 * renderer talks to the same main-process code as the real app.
 */

import type { Account, Message, Order, OrderItem, Question, Shipment } from '../main/store/types.ts';
import type { Plain } from './plain.ts';

/** A Date as it crosses the bridge. */
export type IsoDate = string;

export interface StoreChoice {
  id: string;
  name: string;
  slug: string;
}

export interface SyncProgress {
  /** The resource being pulled now (accounts, orders, shipments, questions, messages, answers). */
  resource: string;
  /** Resources finished in this sync, out of `total`. */
  done: number;
  total: number;
  /** Items received so far in this sync. */
  items: number;
}

export interface AppStatus {
  /** 'online' once the last call to the platform got an answer; 'offline' when it could not be reached. */
  connection: 'online' | 'offline';
  /** 'signed-out' → 'signing-in' (a code is shown) → 'choose-store' (several stores) → 'ready'. */
  phase: 'signed-out' | 'signing-in' | 'choose-store' | 'ready';
  user: { email: string } | null;
  store: StoreChoice | null;
  /** The stores this person can open (filled after sign-in). */
  stores: StoreChoice[];
  /** When the last complete sync ended (kept across restarts). */
  lastSyncedAt: IsoDate | null;
  /** Present while a sync runs. */
  progress: SyncProgress | null;
  outbox: { pending: number; conflicts: number };
  /** The last problem worth showing (a sentence), cleared by the next success. */
  error: string | null;
  /** The name this computer goes by on the platform unless the person types another (its host name). */
  deviceName: string;
  /** While phase is 'signing-in': the code to show (also after the window was reloaded). */
  signIn: SignInPrompt | null;
}

export interface SignInPrompt {
  /** What the person types or sees on the activation page, e.g. ABCD-EFGH. */
  userCode: string;
  verificationUri: string;
  /** The activation page with the code filled in. */
  verificationUriComplete: string;
  expiresAt: IsoDate;
}

/** An account as synced (status ACTIVE, RECONNECT_NEEDED, DISCONNECTED… as on the platform). */
export interface AccountView extends Omit<Plain<Account>, 'createdAt' | 'updatedAt'> {
  /** Questions waiting for an answer on this account (outbox items not counted). */
  unanswered: number;
}

export interface OrderQuery {
  accountId?: string;
  status?: string;
  /** ISO date (inclusive) of date_created. */
  from?: string;
  /** ISO date (exclusive) of date_created. */
  to?: string;
  /** Buyer nickname, order number or item title; case and accents ignored. */
  q?: string;
  limit?: number;
  /** `next` of the previous page. */
  before?: string;
}

export type OrderItemView = Plain<OrderItem>;

export interface OrderView extends Omit<Plain<Order>, 'mlUpdatedAt' | 'syncedAt'> {
  shipmentStatus: string | null;
}

export interface OrderPageView {
  orders: OrderView[];
  next: string | null;
}

export type ShipmentView = Pick<Plain<Shipment>, 'mlShipmentId' | 'status' | 'substatus' | 'mode' | 'logisticType' | 'trackingNumber'>;

export type MessageView = Pick<Plain<Message>, 'id' | 'fromUserId' | 'toUserId' | 'text' | 'sentAt'>;

export interface OrderDetailView extends Omit<OrderView, 'shipmentStatus'> {
  shipment: ShipmentView | null;
  messages: MessageView[];
}

export type EarlierQuestionView = Pick<Plain<Question>, 'id' | 'mlItemId' | 'text' | 'status' | 'dateCreated' | 'answerText'>;

export interface QueueQuestion extends Pick<Plain<Question>, 'id' | 'accountId' | 'mlQuestionId' | 'mlItemId' | 'buyerId' | 'text' | 'dateCreated'> {
  /** From an order of the same buyer on this account, when there is one. */
  buyerNickname: string | null;
  /** From an order item with the same ML item, when there is one. */
  itemTitle: string | null;
  earlierQuestions: EarlierQuestionView[];
}

export interface OutboxItemView {
  id: string;
  questionId: string;
  accountId: string;
  /** The question's text, for showing the item without the question (it may have left the queue). */
  questionText: string | null;
  text: string;
  /** pending: waiting to be sent (offline or retrying); sent: the platform has it; conflict: refused for good. */
  status: 'pending' | 'sent' | 'conflict';
  /** The platform's sentence for a conflict, or the last failure of a pending item. */
  error: string | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export interface AnswerTemplate {
  id: string;
  name: string;
  /** Text with placeholders {buyer}, {item} and {store}; see renderTemplate. */
  body: string;
}

/** What the main process pushes to the renderer. */
export type BridgeEvent =
  | { type: 'status'; status: AppStatus }
  /** New unanswered questions arrived with a sync (also shown as a desktop notification by the shell). */
  | { type: 'new-questions'; questions: { id: string; accountId: string; text: string }[] }
  /** The outbox changed (an answer was queued, sent, or refused). */
  | { type: 'outbox'; pending: number; conflicts: number };

/**
 * Every bridge method: one optional argument (a plain object) and a promised plain-JSON result.
 * Errors reach the renderer as rejections whose message is a sentence for the person.
 */
export interface BridgeApi {
  status(): Promise<AppStatus>;
  /** Starts a device sign-in: shows the code; the main process polls and moves the phase on when approved. */
  startSignIn(input: { deviceName: string }): Promise<SignInPrompt>;
  cancelSignIn(): Promise<AppStatus>;
  /** Opens the activation page in the system browser (only the platform's own address). */
  openSignInPage(): Promise<void>;
  signOut(): Promise<AppStatus>;
  chooseStore(input: { tenantId: string }): Promise<AppStatus>;
  /** Syncs now (and sends the outbox); resolves when done, or at once with connection 'offline'. */
  syncNow(): Promise<AppStatus>;
  accounts(): Promise<AccountView[]>;
  orders(input: OrderQuery): Promise<OrderPageView>;
  order(input: { id: string }): Promise<OrderDetailView | null>;
  /** Unanswered questions, oldest first, without those that already have an answer in the outbox. */
  questions(input: { accountId?: string }): Promise<QueueQuestion[]>;
  /** Keeps the answer in the outbox (works offline) and tries to send it at once. */
  answer(input: { questionId: string; text: string }): Promise<OutboxItemView>;
  /** Pending and conflicting answers, and those sent in the last 24 hours; oldest first. */
  outbox(): Promise<OutboxItemView[]>;
  /** Drops a conflicting (or still pending) answer from the outbox. */
  discardAnswer(input: { id: string }): Promise<void>;
  templates(): Promise<AnswerTemplate[]>;
  saveTemplate(input: { id?: string; name: string; body: string }): Promise<AnswerTemplate>;
  deleteTemplate(input: { id: string }): Promise<void>;
}

export type BridgeMethod = keyof BridgeApi;

export const BRIDGE_METHODS = [
  'status',
  'startSignIn',
  'cancelSignIn',
  'openSignInPage',
  'signOut',
  'chooseStore',
  'syncNow',
  'accounts',
  'orders',
  'order',
  'questions',
  'answer',
  'outbox',
  'discardAnswer',
  'templates',
  'saveTemplate',
  'deleteTemplate',
] as const satisfies readonly BridgeMethod[];

/** `window.vitrine` in the renderer. */
export interface Bridge extends BridgeApi {
  /** Listens to the main process's events; returns the unsubscribe function. */
  subscribe(listener: (event: BridgeEvent) => void): () => void;
}

/** IPC channel names (the shell and the preload agree on these). */
export const invokeChannel = (method: BridgeMethod) => `vitrine:${method}`;
export const EVENT_CHANNEL = 'vitrine:event';

/** Fills a template's placeholders; unknown ones are left as written, missing values become empty. */
export function renderTemplate(body: string, values: { buyer?: string | null; item?: string | null; store?: string | null }): string {
  return body.replace(/\{(buyer|item|store)\}/g, (_match, key: 'buyer' | 'item' | 'store') => values[key]?.trim() ?? '');
}

// A method added to BridgeApi but not to BRIDGE_METHODS would never be exposed: refuse to compile.
type Unlisted = Exclude<BridgeMethod, (typeof BRIDGE_METHODS)[number]>;
export const BRIDGE_METHODS_COMPLETE: [Unlisted] extends [never] ? true : never = true;
