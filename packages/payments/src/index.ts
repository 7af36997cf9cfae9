export { stripeClient, endpointOptions, STRIPE_API_VERSION, type StripeClientConfig } from './client.ts';
export { stripeEnv, stripeEnvSchema, stripeWebhookSecret, StripeConfigError, type StripeEnv } from './env.ts';
export { verifyStripeWebhook, StripeWebhookError, type StripeWebhookFailure } from './webhook.ts';
export { storeStripeEvent, stripeEventJobId, STRIPE_PROVIDER, type StoreStripeEventResult } from './events/intake.ts';
export { processStripeEvent, type ProcessStripeEventResult } from './events/process.ts';
export { handleStripeWebhook, STRIPE_WEBHOOK_MAX_BYTES, type StripeWebhookResponse, type StripeWebhookRequest, type StoreWebhookSecret } from './events/http.ts';
export { tenantIdOf } from './events/tenant.ts';
export type {
  StripeEventHandler, StripeEventHandlers, StripeEventOf, TenantStripeEventHandler, PlatformStripeEventHandler,
} from './events/handlers.ts';
export type { default as Stripe } from 'stripe';
