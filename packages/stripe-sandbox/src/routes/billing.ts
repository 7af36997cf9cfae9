import { cancelSubscription, createSubscription, updateSubscription } from '../billing.ts';
import { cardByPaymentMethod } from '../cards.ts';
import { nowSeconds, type SandboxCore } from '../core.ts';
import { invalidRequest, resourceMissing } from '../errors.ts';
import { expanded, expandPaths } from '../expand.ts';
import { json, paramsOf, queryParams, type Route, type RouteContext } from '../http.ts';
import { list, newId, type Customer, type Price, type Subscription } from '../model.ts';
import { mergeMetadata, type Params } from '../params.ts';

function knownPaymentMethod(params: Params, key: string): string | undefined {
  const pm = params.string(key);
  if (pm && !cardByPaymentMethod(pm)) throw resourceMissing('PaymentMethod', pm, params.name(key));
  return pm;
}

const CUSTOMER_PARAMS = ['email', 'name', 'description', 'metadata', 'phone', 'payment_method', 'invoice_settings', 'preferred_locales', 'expand'];

function applyCustomer(customer: Customer, params: Params): void {
  if (params.raw.email !== undefined) customer.email = params.string('email') ?? null;
  if (params.raw.name !== undefined) customer.name = params.string('name') ?? null;
  if (params.raw.description !== undefined) customer.description = params.string('description') ?? null;
  if (params.raw.phone !== undefined) customer.phone = params.string('phone') ?? null;
  customer.metadata = mergeMetadata(customer.metadata, params.metadata());
  knownPaymentMethod(params, 'payment_method');
  const settings = params.object('invoice_settings');
  if (settings) {
    settings.only(['default_payment_method', 'custom_fields', 'footer', 'rendering_options']);
    const pm = knownPaymentMethod(settings, 'default_payment_method');
    if (pm) customer.invoice_settings.default_payment_method = pm;
  }
}

function findCustomer(core: SandboxCore, id: string, param = 'id'): Customer {
  const customer = core.customers.get(id);
  if (!customer) throw resourceMissing('customer', id, param);
  return customer;
}

function findPrice(core: SandboxCore, id: string, param = 'id'): Price {
  const price = core.prices.get(id);
  if (!price) throw resourceMissing('price', id, param);
  return price;
}

function findSubscription(ctx: RouteContext): Subscription {
  const id = ctx.params[0] as string;
  const sub = ctx.core.subscriptions.get(id);
  if (!sub) throw resourceMissing('subscription', id);
  return sub;
}

export interface NewPriceInput {
  id?: string;
  currency: string;
  unitAmount: number;
  productName: string;
  productId?: string;
  interval?: 'day' | 'week' | 'month' | 'year';
  intervalCount?: number;
  lookupKey?: string | null;
  nickname?: string | null;
  metadata?: Record<string, string>;
}

/** Also used at start-up for the prices given in the options (their ids can be fixed, like a seeded catalogue). */
export function addPrice(core: SandboxCore, input: NewPriceInput): Price {
  let productId = input.productId;
  if (!productId || !core.products.has(productId)) {
    productId ??= newId('prod', 14);
    core.products.set(productId, { id: productId, name: input.productName });
  }
  if (input.lookupKey) {
    for (const other of core.prices.values()) {
      if (other.lookup_key === input.lookupKey) throw invalidRequest(`A price (\`${other.id}\`) already uses that lookup key.`, { param: 'lookup_key' });
    }
  }
  const price: Price = {
    id: input.id ?? newId('price'), object: 'price', active: true, billing_scheme: 'per_unit', created: nowSeconds(core),
    currency: input.currency.toLowerCase(), custom_unit_amount: null, livemode: false, lookup_key: input.lookupKey ?? null,
    metadata: input.metadata ?? {}, nickname: input.nickname ?? null, product: productId,
    recurring: input.interval ? { interval: input.interval, interval_count: input.intervalCount ?? 1, meter: null, usage_type: 'licensed' } : null,
    tax_behavior: 'unspecified', tiers_mode: null, transform_quantity: null, type: input.interval ? 'recurring' : 'one_time',
    unit_amount: input.unitAmount, unit_amount_decimal: String(input.unitAmount),
  };
  core.prices.set(price.id, price);
  return price;
}

const INTERVALS = ['day', 'week', 'month', 'year'] as const;

function customerRoutes(): Route[] {
  return [
    {
      method: 'POST', path: '/v1/customers', kind: 'api',
      handle: (ctx) => {
        const params = paramsOf(ctx).only(CUSTOMER_PARAMS);
        const id = newId('cus', 14);
        const customer: Customer = {
          id, object: 'customer', address: null, balance: 0, created: nowSeconds(ctx.core), currency: null, default_source: null,
          delinquent: false, description: null, email: null, invoice_prefix: id.slice(4, 12).toUpperCase(),
          invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
          livemode: false, metadata: {}, name: null, phone: null, preferred_locales: [], shipping: null, tax_exempt: 'none', test_clock: null,
        };
        applyCustomer(customer, params);
        ctx.core.customers.set(id, customer);
        return json(customer);
      },
    },
    { method: 'GET', path: '/v1/customers/:id', kind: 'api', handle: (ctx) => json(findCustomer(ctx.core, ctx.params[0] as string)) },
    {
      method: 'POST', path: '/v1/customers/:id', kind: 'api',
      handle: (ctx) => {
        const customer = findCustomer(ctx.core, ctx.params[0] as string);
        applyCustomer(customer, paramsOf(ctx).only(CUSTOMER_PARAMS));
        return json(customer);
      },
    },
  ];
}

function priceRoutes(): Route[] {
  return [
    {
      method: 'POST', path: '/v1/prices', kind: 'api',
      handle: (ctx) => {
        const params = paramsOf(ctx).only(['currency', 'unit_amount', 'recurring', 'product', 'product_data', 'nickname', 'lookup_key', 'metadata', 'active', 'expand']);
        const recurring = params.object('recurring');
        recurring?.only(['interval', 'interval_count', 'usage_type']);
        const productId = params.string('product');
        if (productId && !ctx.core.products.has(productId)) throw resourceMissing('product', productId, 'product');
        const productData = params.object('product_data');
        if (!productId && !productData) throw invalidRequest('You must specify either `product` or `product_data` when creating a price.', { code: 'parameter_missing', param: 'product' });
        productData?.only(['name', 'metadata', 'active', 'statement_descriptor', 'tax_code', 'unit_label']);
        const interval = recurring ? recurring.oneOf('interval', INTERVALS) : undefined;
        if (recurring && !interval) throw invalidRequest('Missing required param: recurring[interval].', { code: 'parameter_missing', param: 'recurring[interval]' });
        return json(addPrice(ctx.core, {
          currency: params.requiredString('currency'),
          unitAmount: params.requiredInteger('unit_amount', { min: 0 }),
          productName: productData?.requiredString('name') ?? '',
          ...(productId ? { productId } : {}),
          ...(interval ? { interval, intervalCount: recurring?.integer('interval_count', { min: 1 }) ?? 1 } : {}),
          lookupKey: params.string('lookup_key') ?? null,
          nickname: params.string('nickname') ?? null,
          metadata: mergeMetadata({}, params.metadata()),
        }));
      },
    },
    { method: 'GET', path: '/v1/prices/:id', kind: 'api', handle: (ctx) => json(findPrice(ctx.core, ctx.params[0] as string)) },
    {
      method: 'GET', path: '/v1/prices', kind: 'api',
      handle: (ctx) => {
        const query = queryParams(ctx);
        const raw = query.raw.lookup_keys;
        const keys = raw === undefined ? null : (Array.isArray(raw) ? raw : [raw]).filter((k): k is string => typeof k === 'string');
        const active = query.boolean('active');
        const prices = [...ctx.core.prices.values()].filter((p) => (!keys || (p.lookup_key !== null && keys.includes(p.lookup_key))) && (active === undefined || p.active === active));
        return json(list(prices, '/v1/prices'));
      },
    },
  ];
}

const PRORATION = ['create_prorations', 'none', 'always_invoice'] as const;

function subscriptionRoutes(): Route[] {
  return [
    {
      method: 'POST', path: '/v1/subscriptions', kind: 'api',
      handle: (ctx) => {
        const params = paramsOf(ctx).only(['customer', 'items', 'trial_period_days', 'metadata', 'default_payment_method', 'payment_behavior', 'description', 'proration_behavior', 'expand', 'collection_method']);
        const customer = findCustomer(ctx.core, params.requiredString('customer'), 'customer');
        const items = params.array('items');
        if (items.length === 0) throw invalidRequest('Missing required param: items.', { code: 'parameter_missing', param: 'items' });
        if (items.length > 1) throw invalidRequest('The sandbox supports one subscription item.', { param: 'items[1]' });
        const item = items[0]!.only(['price', 'quantity', 'metadata']);
        const price = findPrice(ctx.core, item.requiredString('price'), 'items[0][price]');
        if (!price.recurring) throw invalidRequest(`The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`, { param: 'items[0][price]' });
        const collection = params.string('collection_method');
        if (collection && collection !== 'charge_automatically') throw invalidRequest('The sandbox supports collection_method=charge_automatically only.', { param: 'collection_method' });
        const trialDays = params.integer('trial_period_days', { min: 0 });
        if (trialDays !== undefined && trialDays > 730) throw invalidRequest('trial_period_days can be at most 730.', { param: 'trial_period_days' });
        const sub = createSubscription(ctx.core, {
          customer: customer.id, price, quantity: item.integer('quantity', { min: 1 }) ?? 1,
          ...(trialDays ? { trialDays } : {}),
          metadata: mergeMetadata({}, params.metadata()),
          defaultPaymentMethod: knownPaymentMethod(params, 'default_payment_method') ?? null,
          description: params.string('description') ?? null,
        }, ctx.request);
        return json(expanded(ctx.core, sub, expandPaths(params)));
      },
    },
    { method: 'GET', path: '/v1/subscriptions/:id', kind: 'api', handle: (ctx) => json(expanded(ctx.core, findSubscription(ctx), expandPaths(queryParams(ctx)))) },
    {
      method: 'GET', path: '/v1/subscriptions', kind: 'api',
      handle: (ctx) => {
        const query = queryParams(ctx);
        const customer = query.string('customer');
        const status = query.string('status');
        const subs = [...ctx.core.subscriptions.values()]
          .filter((s) => (!customer || s.customer === customer) && (status === 'all' || (status ? s.status === status : s.status !== 'canceled')))
          .reverse();
        return json(list(subs, '/v1/subscriptions'));
      },
    },
    {
      method: 'POST', path: '/v1/subscriptions/:id', kind: 'api',
      handle: (ctx) => {
        const sub = findSubscription(ctx);
        const params = paramsOf(ctx).only(['items', 'proration_behavior', 'cancel_at_period_end', 'metadata', 'default_payment_method', 'payment_behavior', 'expand', 'description']);
        const items = params.array('items');
        if (items.length > 1) throw invalidRequest('The sandbox supports one subscription item.', { param: 'items[1]' });
        const item = items[0]?.only(['id', 'price', 'quantity', 'deleted', 'metadata']);
        const current = sub.items.data[0]!;
        const itemId = item?.string('id');
        if (item && itemId && itemId !== current.id) throw resourceMissing('subscription_item', itemId, 'items[0][id]');
        if (item && !itemId && item.string('price') && item.string('price') !== current.price.id) {
          // Stripe adds a second item when no id is given; the sandbox keeps one item, so it says so.
          throw invalidRequest(`To change the price of the existing item, pass items[0][id]=${current.id} with items[0][price].`, { code: 'parameter_missing', param: 'items[0][id]' });
        }
        const priceId = item?.string('price');
        const price = priceId ? findPrice(ctx.core, priceId, 'items[0][price]') : undefined;
        if (price && !price.recurring) throw invalidRequest('The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.', { param: 'items[0][price]' });
        const cancelAtPeriodEnd = params.boolean('cancel_at_period_end');
        const quantity = item?.integer('quantity', { min: 1 });
        const defaultPaymentMethod = knownPaymentMethod(params, 'default_payment_method');
        const metadata = params.metadata();
        return json(expanded(ctx.core, updateSubscription(ctx.core, sub, {
          ...(price ? { price } : {}),
          ...(quantity !== undefined ? { quantity } : {}),
          prorationBehavior: params.oneOf('proration_behavior', PRORATION) ?? 'create_prorations',
          ...(cancelAtPeriodEnd !== undefined ? { cancelAtPeriodEnd } : {}),
          ...(metadata ? { metadata: mergeMetadata(sub.metadata, metadata) } : {}),
          ...(defaultPaymentMethod ? { defaultPaymentMethod } : {}),
        }, ctx.request), expandPaths(params)));
      },
    },
    {
      method: 'DELETE', path: '/v1/subscriptions/:id', kind: 'api',
      handle: (ctx) => {
        paramsOf(ctx).only(['invoice_now', 'prorate', 'cancellation_details', 'expand']);
        return json(cancelSubscription(ctx.core, findSubscription(ctx), ctx.request));
      },
    },
  ];
}

function invoiceRoutes(): Route[] {
  return [
    {
      method: 'GET', path: '/v1/invoices', kind: 'api',
      handle: (ctx) => {
        const query = queryParams(ctx);
        const customer = query.string('customer');
        const subscription = query.string('subscription');
        const status = query.string('status');
        const limit = Math.min(query.integer('limit', { min: 1 }) ?? 10, 100);
        const invoices = [...ctx.core.invoices.values()]
          .filter((i) => (!customer || i.customer === customer) && (!subscription || i.parent.subscription_details.subscription === subscription) && (!status || i.status === status))
          .reverse();
        return json({ ...list(invoices.slice(0, limit), '/v1/invoices'), has_more: invoices.length > limit });
      },
    },
    {
      method: 'GET', path: '/v1/invoices/:id', kind: 'api',
      handle: (ctx) => {
        const invoice = ctx.core.invoices.get(ctx.params[0] as string);
        if (!invoice) throw resourceMissing('invoice', ctx.params[0] as string);
        return json(expanded(ctx.core, invoice, expandPaths(queryParams(ctx))));
      },
    },
    {
      method: 'POST', path: '/v1/billing_portal/sessions', kind: 'api',
      handle: (ctx) => {
        const params = paramsOf(ctx).only(['customer', 'return_url', 'locale', 'configuration', 'flow_data', 'expand']);
        const customer = findCustomer(ctx.core, params.requiredString('customer'), 'customer');
        const id = newId('bps');
        const session = {
          id, object: 'billing_portal.session' as const, configuration: 'bpc_sandbox_default', created: nowSeconds(ctx.core), customer: customer.id,
          flow: null, livemode: false as const, locale: params.string('locale') ?? null, on_behalf_of: null,
          return_url: params.string('return_url') ?? null, url: `${ctx.core.baseUrl}/p/session/${id}`,
        };
        ctx.core.portalSessions.set(id, session);
        return json(session);
      },
    },
  ];
}

export const billingRoutes: Route[] = [...customerRoutes(), ...priceRoutes(), ...subscriptionRoutes(), ...invoiceRoutes()];
