import { expireSession } from '../checkout.ts';
import { nowSeconds } from '../core.ts';
import { invalidRequest, resourceMissing } from '../errors.ts';
import { expanded, expandPaths } from '../expand.ts';
import { json, paramsOf, queryParams, type Route, type RouteContext } from '../http.ts';
import { list, newId, type CheckoutSession, type LineItem, type Price } from '../model.ts';
import { mergeMetadata, type Params } from '../params.ts';


const CREATE_PARAMS = [
  'mode', 'line_items', 'success_url', 'cancel_url', 'customer_email', 'customer', 'metadata', 'payment_intent_data',
  'client_reference_id', 'expires_at', 'locale', 'payment_method_types', 'expand', 'ui_mode', 'shipping_options',
  // Accepted as Stripe accepts them, without effect here (they change what the hosted page collects).
  'billing_address_collection', 'shipping_address_collection', 'phone_number_collection', 'customer_creation',
  'allow_promotion_codes', 'submit_type', 'custom_text', 'consent_collection',
];

/** `shipping_options[0][shipping_rate_data]` with a fixed amount: the first option is the one charged. */
function shippingCost(params: Params, currency: string): { amount: number; rate: string } | null {
  const options = params.array('shipping_options');
  if (options.length === 0) return null;
  const first = options[0]!.only(['shipping_rate', 'shipping_rate_data']);
  const data = first.object('shipping_rate_data');
  if (!data) throw invalidRequest('The sandbox supports shipping_options with shipping_rate_data only.', { param: first.name('shipping_rate_data') });
  data.only(['display_name', 'type', 'fixed_amount', 'delivery_estimate', 'metadata', 'tax_behavior', 'tax_code']);
  data.requiredString('display_name');
  const type = data.string('type') ?? 'fixed_amount';
  if (type !== 'fixed_amount') throw invalidRequest(`Invalid type: must be fixed_amount`, { param: data.name('type') });
  const fixed = data.requiredObject('fixed_amount').only(['amount', 'currency', 'currency_options']);
  const amount = fixed.requiredInteger('amount', { min: 0 });
  if (fixed.requiredString('currency').toLowerCase() !== currency) throw invalidRequest('The shipping rate currency must match the line items.', { param: fixed.name('currency') });
  return { amount, rate: newId('shr') };
}

function lineItem(ctx: RouteContext, item: Params, currencyOf: { value?: string }): LineItem {
  item.only(['price', 'price_data', 'quantity']);
  const quantity = item.requiredInteger('quantity', { min: 1 });
  let price: Price;
  const priceId = item.string('price');
  if (priceId) {
    const found = ctx.core.prices.get(priceId);
    if (!found) throw resourceMissing('price', priceId, item.name('price'));
    price = found;
  } else {
    const data = item.object('price_data');
    if (!data) throw invalidRequest(`You must specify either \`price\` or \`price_data\` in ${item.name('').slice(0, -2)}.`, { code: 'parameter_missing', param: item.name('price') });
    data.only(['currency', 'unit_amount', 'product_data', 'product', 'tax_behavior']);
    const currency = data.requiredString('currency').toLowerCase();
    const unitAmount = data.requiredInteger('unit_amount', { min: 0 });
    const productData = data.object('product_data');
    const productId = data.string('product');
    if (!productData && !productId) throw invalidRequest(`You must specify either \`product\` or \`product_data\`.`, { code: 'parameter_missing', param: data.name('product_data') });
    let product = productId ? ctx.core.products.get(productId) : undefined;
    if (productId && !product) throw resourceMissing('product', productId, data.name('product'));
    if (!product) {
      productData!.only(['name', 'description', 'images', 'metadata', 'tax_code']);
      product = { id: newId('prod', 14), name: productData!.requiredString('name') };
      ctx.core.products.set(product.id, product);
    }
    price = {
      id: newId('price'), object: 'price', active: false, billing_scheme: 'per_unit', created: nowSeconds(ctx.core), currency,
      custom_unit_amount: null, livemode: false, lookup_key: null, metadata: {}, nickname: null, product: product.id, recurring: null,
      tax_behavior: 'unspecified', tiers_mode: null, transform_quantity: null, type: 'one_time', unit_amount: unitAmount,
      unit_amount_decimal: String(unitAmount),
    };
  }
  if (price.recurring) throw invalidRequest('You must provide at least one recurring price in `subscription` mode when using prices.', { param: item.name('price') });
  if (currencyOf.value && currencyOf.value !== price.currency) {
    throw invalidRequest('All line items must use the same currency.', { param: item.name('price_data') });
  }
  currencyOf.value = price.currency;
  const amount = price.unit_amount * quantity;
  return {
    id: newId('li'), object: 'item', amount_discount: 0, amount_subtotal: amount, amount_tax: 0, amount_total: amount, currency: price.currency,
    description: ctx.core.products.get(price.product)?.name ?? '', price, quantity,
  };
}

function create(ctx: RouteContext) {
  const params = paramsOf(ctx).only(CREATE_PARAMS);
  const mode = params.requiredString('mode');
  if (mode !== 'payment') throw invalidRequest(`The sandbox supports mode=payment only (got ${mode}).`, { param: 'mode' });
  const items = params.array('line_items');
  if (items.length === 0) throw invalidRequest('Missing required param: line_items.', { code: 'parameter_missing', param: 'line_items' });
  const currency: { value?: string } = {};
  const lines = items.map((item) => lineItem(ctx, item, currency));
  const now = nowSeconds(ctx.core);
  const expiresAt = params.integer('expires_at') ?? now + 24 * 3600;
  if (expiresAt < now + 30 * 60 || expiresAt > now + 24 * 3600) {
    throw invalidRequest('The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.', { param: 'expires_at' });
  }
  const customer = params.string('customer');
  if (customer && !ctx.core.customers.get(customer)) throw resourceMissing('customer', customer, 'customer');
  const customerEmail = params.string('customer_email') ?? null;
  if (customer && customerEmail) throw invalidRequest('You may only specify one of these parameters: customer, customer_email.', { param: 'customer_email' });
  const intentData = params.object('payment_intent_data');
  intentData?.only(['metadata', 'description', 'receipt_email', 'capture_method', 'setup_future_usage', 'statement_descriptor']);
  const id = newId('cs_test', 58);
  const subtotal = lines.reduce((sum, line) => sum + line.amount_total, 0);
  const shipping = shippingCost(params, currency.value as string);
  const total = subtotal + (shipping?.amount ?? 0);
  const session: CheckoutSession = {
    id, object: 'checkout.session', amount_subtotal: subtotal, amount_total: total, cancel_url: params.string('cancel_url') ?? null,
    client_reference_id: params.string('client_reference_id') ?? null, created: now, currency: currency.value as string,
    customer: customer ?? null, customer_details: customerEmail ? { address: null, email: customerEmail, name: null, phone: null, tax_exempt: 'none', tax_ids: [] } : null,
    customer_email: customerEmail, expires_at: expiresAt, livemode: false, locale: params.string('locale') ?? null,
    metadata: mergeMetadata({}, params.metadata()), mode: 'payment', payment_intent: null, payment_method_types: ['card'],
    payment_status: 'unpaid', status: 'open', success_url: params.string('success_url') ?? null,
    shipping_cost: shipping ? { amount_subtotal: shipping.amount, amount_tax: 0, amount_total: shipping.amount, shipping_rate: shipping.rate } : null,
    total_details: { amount_discount: 0, amount_shipping: shipping?.amount ?? 0, amount_tax: 0 }, ui_mode: 'hosted', url: `${ctx.core.baseUrl}/c/pay/${id}`,
  };
  ctx.core.sessions.set(id, session);
  ctx.core.sessionDetails.set(id, {
    lines,
    intentMetadata: mergeMetadata({}, intentData?.metadata()),
    intentDescription: intentData?.string('description') ?? null,
  });
  return json(expanded(ctx.core, session, expandPaths(params)));
}

function find(ctx: RouteContext): CheckoutSession {
  const id = ctx.params[0] as string;
  const session = ctx.core.sessions.get(id);
  if (!session) throw resourceMissing('checkout.session', id);
  return session;
}

export const checkoutRoutes: Route[] = [
  { method: 'POST', path: '/v1/checkout/sessions', kind: 'api', handle: create },
  {
    method: 'GET', path: '/v1/checkout/sessions', kind: 'api',
    handle: (ctx) => {
      const query = queryParams(ctx);
      const limit = query.integer('limit', { min: 1 }) ?? 10;
      const intent = query.string('payment_intent');
      const customer = query.string('customer');
      const status = query.string('status');
      const sessions = [...ctx.core.sessions.values()]
        .filter((s) => (!intent || s.payment_intent === intent) && (!customer || s.customer === customer) && (!status || s.status === status))
        .reverse();
      return json({ ...list(sessions.slice(0, Math.min(limit, 100)), '/v1/checkout/sessions'), has_more: sessions.length > limit });
    },
  },
  { method: 'GET', path: '/v1/checkout/sessions/:id', kind: 'api', handle: (ctx) => json(expanded(ctx.core, find(ctx), expandPaths(queryParams(ctx)))) },
  {
    method: 'POST', path: '/v1/checkout/sessions/:id/expire', kind: 'api',
    handle: (ctx) => {
      paramsOf(ctx).only(['expand']);
      return json(expireSession(ctx.core, find(ctx), ctx.request));
    },
  },
  {
    method: 'GET', path: '/v1/checkout/sessions/:id/line_items', kind: 'api',
    handle: (ctx) => json(list(ctx.core.sessionDetails.get(find(ctx).id)?.lines ?? [], `/v1/checkout/sessions/${ctx.params[0]}/line_items`)),
  },
];
