import type { AddressInfo } from 'node:net';
import type { TokenResponse } from '../schemas.ts';
import { controlRoutes } from './control-routes.ts';
import type { ResolvedApplication, Route, SandboxCore } from './core.ts';
import { FaultSwitch, type FailNextInput } from './faults.ts';
import { generateSeller, type GenerateSellerInput, type GeneratedSeller } from './generator.ts';
import type { MessageBody, OrderBody, QuestionBody, ShipmentBody, ItemBody } from './model.ts';
import {
  addMessage, answerQuestion, askQuestion, conversationFor, createOrder, deleteQuestion, updateItem, updateOrder, updateShipment,
  type AskQuestionInput, type CreateOrderInput, type UpdateItemInput, type UpdateOrderInput, type UpdateShipmentInput,
} from './mutations.ts';
import { Notifier, type NotificationBody, type NotificationSettings } from './notifications.ts';
import { oauthRoutes } from './oauth-routes.ts';
import { sandboxOptionsSchema, type SandboxOptions } from './options.ts';
import { itemRoutes } from './routes/items.ts';
import { messageRoutes } from './routes/messages.ts';
import { missedFeedRoutes } from './routes/missed-feeds.ts';
import { orderRoutes } from './routes/orders.ts';
import { questionRoutes } from './routes/questions.ts';
import { shipmentRoutes } from './routes/shipments.ts';
import { userRoutes } from './routes/users.ts';
import { createDispatcher, listen } from './server.ts';
import { SandboxStore } from './store.ts';
import { TokenRegistry } from './tokens.ts';

export type { SandboxOptions, SandboxApplication } from './options.ts';
export type { GenerateSellerInput, GeneratedSeller } from './generator.ts';
export type { FailNextInput } from './faults.ts';
export type { NotificationBody, NotificationSettings, MissedFeed } from './notifications.ts';
export type { AskQuestionInput, CreateOrderInput, UpdateItemInput, UpdateOrderInput, UpdateShipmentInput } from './mutations.ts';
export { DEFAULT_NOTIFICATION_RETRY_SCHEDULE } from './options.ts';

export interface SandboxStats {
  calls: Record<string, number>;
  tokenGrants: { authorization_code: number; refresh_token: number };
  notificationsSent: number;
  notificationsFailed: number;
  notificationsMissed: number;
}

export interface SandboxCounts {
  items: number;
  orders: number;
  questions: number;
  unansweredQuestions: number;
  shipments: number;
  messages: number;
}

export interface Sandbox {
  url: string;
  authorizationUrl: string;
  port: number;
  generateSeller(input: GenerateSellerInput): GeneratedSeller;
  issueTokens(sellerId: number, clientId?: string): TokenResponse;
  control: {
    failNext(input: FailNextInput): void;
    clearFaults(): void;
    expireAccessTokens(sellerId?: number): number;
    revokeGrant(sellerId: number): void;
    notifications(settings: Partial<NotificationSettings>): NotificationSettings;
  };
  mutate: {
    answerQuestion(questionId: number, text: string): QuestionBody;
    deleteQuestion(questionId: number): void;
    askQuestion(sellerId: number, input: AskQuestionInput): QuestionBody;
    updateOrder(orderId: number, input: UpdateOrderInput): OrderBody;
    createOrder(sellerId: number, input?: CreateOrderInput): OrderBody;
    updateShipment(shipmentId: number, input: UpdateShipmentInput): ShipmentBody;
    updateItem(itemId: string, input: UpdateItemInput): ItemBody;
    buyerMessage(packOrOrderId: number, text: string): MessageBody;
  };
  notify(topic: string, resource: string, userId: number, actions?: string[]): Omit<NotificationBody, 'attempts' | 'sent'>[];
  /** Resolves when no notification is in flight or waiting for a retry. */
  notificationsIdle(): Promise<void>;
  stats(): SandboxStats;
  counts(sellerId: number): SandboxCounts;
  close(): Promise<void>;
}

/** Starts the Mercado Livre sandbox: a real HTTP server with ML's paths, bodies, errors and limits. */
export async function startSandbox(rawOptions: SandboxOptions): Promise<Sandbox> {
  const options = sandboxOptionsSchema.parse(rawOptions);
  const clock = options.clock ?? Date.now;
  const applications = new Map<string, ResolvedApplication>(options.applications.map((app) => [app.clientId, app]));
  const notifier = new Notifier({
    targets: options.applications, retrySchedule: options.notificationRetrySchedule, timeoutMs: options.notificationTimeoutMs,
    concurrency: options.notificationConcurrency, clock,
  });
  const core: SandboxCore = {
    options, clock, applications, notifier,
    store: new SandboxStore(),
    tokens: new TokenRegistry(clock, options.tokenLifetimeSeconds),
    stats: { calls: {}, tokenGrants: { authorization_code: 0, refresh_token: 0 } },
  };
  const firstClientId = options.applications[0]?.clientId as string;

  const generate = (input: GenerateSellerInput): GeneratedSeller => generateSeller(core.store, input, Number(firstClientId), clock());
  const issueTokens = (sellerId: number, clientId: string = firstClientId): TokenResponse => {
    if (!core.store.seller(sellerId)) throw new Error(`issueTokens: seller ${sellerId} does not exist in this sandbox`);
    if (!applications.has(clientId)) throw new Error(`issueTokens: application ${clientId} is not configured`);
    return core.tokens.issueTokens(sellerId, clientId);
  };
  const stats = (): SandboxStats => ({
    calls: { ...core.stats.calls },
    tokenGrants: { ...core.stats.tokenGrants },
    notificationsSent: notifier.stats.sent,
    notificationsFailed: notifier.stats.failed,
    notificationsMissed: notifier.stats.missed,
  });
  const counts = (sellerId: number): SandboxCounts => {
    const seller = core.store.seller(sellerId);
    if (!seller) throw new Error(`counts: seller ${sellerId} does not exist in this sandbox`);
    const visible = seller.questions.filter((q) => !q.deleted);
    const shipments = new Set<number>();
    for (const order of seller.orders) if (order.body.shipping.id !== null) shipments.add(order.body.shipping.id);
    let messages = 0;
    for (const conversation of core.store.conversations.values()) if (conversation.sellerId === sellerId) messages += conversation.messages.length;
    return {
      items: seller.itemIds.length,
      orders: seller.orders.length,
      questions: visible.length,
      unansweredQuestions: visible.filter((q) => q.body.status === 'UNANSWERED').length,
      shipments: shipments.size,
      messages,
    };
  };

  const faults = new FaultSwitch(clock);
  const apiRoutes: Route[] = [
    ...oauthRoutes, ...userRoutes, ...itemRoutes, ...orderRoutes, ...questionRoutes, ...messageRoutes, ...shipmentRoutes, ...missedFeedRoutes,
  ];
  const dispatcher = createDispatcher(core, faults, apiRoutes, controlRoutes({ core, faults, generateSeller: generate, issueTokens, stats, counts }));
  const server = await listen((req, res) => dispatcher.handle(req, res), options.port, options.host);
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  const url = `http://${options.host}:${port}`;

  return {
    url,
    authorizationUrl: `${url}/authorization`,
    port,
    generateSeller: generate,
    issueTokens,
    control: {
      failNext: (input) => faults.add(input),
      clearFaults: () => faults.clear(),
      expireAccessTokens: (sellerId) => core.tokens.expireAccessTokens(sellerId),
      revokeGrant: (sellerId) => core.tokens.revokeGrant(sellerId),
      notifications: (settings) => notifier.configure(settings),
    },
    mutate: {
      answerQuestion: (questionId, text) => answerQuestion(core, questionId, text),
      deleteQuestion: (questionId) => deleteQuestion(core, questionId),
      askQuestion: (sellerId, input) => askQuestion(core, sellerId, input),
      updateOrder: (orderId, input) => updateOrder(core, orderId, input),
      createOrder: (sellerId, input = {}) => createOrder(core, sellerId, input),
      updateShipment: (shipmentId, input) => updateShipment(core, shipmentId, input),
      updateItem: (itemId, input) => updateItem(core, itemId, input),
      buyerMessage: (packOrOrderId, text) => {
        const conversation = conversationFor(core, packOrOrderId);
        if (!conversation) throw new Error(`buyerMessage: no pack or order ${packOrOrderId}`);
        return addMessage(core, conversation, 'buyer', text, Number(firstClientId));
      },
    },
    notify: (topic, resource, userId, actions) => notifier.publish(topic, resource, userId, actions),
    notificationsIdle: () => notifier.idle(),
    stats,
    counts,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        notifier.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
