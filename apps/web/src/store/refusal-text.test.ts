import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { flashCookie, readFlash, refusalOf, refusalReasonOf, type Flash } from './cart-forms.ts';
import { cartPage, flashNotice, type CartView } from './cart-page.ts';
import { checkoutPage } from './checkout-page.ts';
import type { StoreLanguage } from './language.ts';
import type { StoreLook } from './pages.ts';
import { refusalText, type StoreRefusal } from './refusal-text.ts';

const look = (language: StoreLanguage, locale: string = language): StoreLook => ({ name: 'Loja Delta', locale, language, languages: ['pt-BR', 'en', 'es'] });

/** Every reason the API gives, with its English sentence (as the API writes it) and the two translations. */
const CASES: [StoreRefusal, { en: string; 'pt-BR': string; es: string }][] = [
  [
    { code: 'unknown', params: {} },
    { en: 'This coupon code does not exist in this store.', 'pt-BR': 'Este código de cupom não existe nesta loja.', es: 'Este código de cupón no existe en esta tienda.' },
  ],
  [
    { code: 'inactive', params: { coupon: 'SAVE10' } },
    { en: 'The coupon SAVE10 is no longer valid.', 'pt-BR': 'O cupom SAVE10 não é mais válido.', es: 'El cupón SAVE10 ya no es válido.' },
  ],
  [
    { code: 'not_started', params: { coupon: 'SAVE10' } },
    { en: 'The coupon SAVE10 is not valid yet.', 'pt-BR': 'O cupom SAVE10 ainda não está valendo.', es: 'El cupón SAVE10 todavía no es válido.' },
  ],
  [
    { code: 'expired', params: { coupon: 'SAVE10' } },
    { en: 'The coupon SAVE10 has expired.', 'pt-BR': 'O cupom SAVE10 expirou.', es: 'El cupón SAVE10 venció.' },
  ],
  [
    { code: 'used_up', params: { coupon: 'SAVE10' } },
    { en: 'The coupon SAVE10 has been used up.', 'pt-BR': 'O cupom SAVE10 já atingiu o limite de usos.', es: 'El cupón SAVE10 ya alcanzó su límite de usos.' },
  ],
  [
    { code: 'buyer_limit', params: { coupon: 'ONCE', limit: 1 } },
    {
      en: 'The coupon ONCE can be used once per buyer, and you have used it already.',
      'pt-BR': 'O cupom ONCE só pode ser usado uma vez por cliente, e você já o usou.',
      es: 'El cupón ONCE se puede usar una sola vez por cliente, y ya lo usaste.',
    },
  ],
  [
    { code: 'buyer_limit', params: { coupon: 'TRIO', limit: 3 } },
    {
      en: 'The coupon TRIO can be used 3 times per buyer, and you have used it already.',
      'pt-BR': 'O cupom TRIO só pode ser usado 3 vezes por cliente, e você já atingiu esse limite.',
      es: 'El cupón TRIO se puede usar 3 veces por cliente, y ya alcanzaste ese límite.',
    },
  ],
  [
    { code: 'minimum', params: { coupon: 'BIG', minimum: 15_000, currency: 'BRL' } },
    {
      en: 'The coupon BIG needs an order of at least R$ 150,00.',
      'pt-BR': 'O cupom BIG vale para pedidos a partir de R$\u00a0150,00.',
      es: 'El cupón BIG es válido para pedidos desde 150,00\u00a0R$.',
    },
  ],
  [
    { code: 'used_up', params: { coupon: 'GONE', mustRemove: true } },
    {
      en: 'The coupon GONE has been used up. Remove it to place the order.',
      'pt-BR': 'O cupom GONE já atingiu o limite de usos. Remova o cupom para finalizar o pedido.',
      es: 'El cupón GONE ya alcanzó su límite de usos. Quita el cupón para realizar el pedido.',
    },
  ],
  [
    { code: 'unavailable', params: { name: '“Tee — M”' } },
    { en: '“Tee — M” is no longer available.', 'pt-BR': '“Tee — M” não está mais disponível.', es: '“Tee — M” ya no está disponible.' },
  ],
  [
    { code: 'other_currency', params: { name: '“Mug”' } },
    {
      en: '“Mug” is priced in another currency and cannot be bought here.',
      'pt-BR': '“Mug” tem preço em outra moeda e não pode ser comprado aqui.',
      es: '“Mug” tiene precio en otra moneda y no se puede comprar aquí.',
    },
  ],
  [
    { code: 'sold_out', params: { name: '“Tee — L”' } },
    { en: '“Tee — L” is sold out.', 'pt-BR': '“Tee — L” está esgotado.', es: '“Tee — L” está agotado.' },
  ],
  [
    { code: 'only_left', params: { name: '“Mug”', available: 1, inCart: 0 } },
    { en: 'Only 1 left of “Mug”.', 'pt-BR': 'Só resta 1 unidade de “Mug”.', es: 'Solo queda 1 unidad de “Mug”.' },
  ],
  [
    { code: 'only_left', params: { name: '“Tee — M”', available: 3, inCart: 2 } },
    {
      en: 'Only 3 left of “Tee — M”. You have 2 in your cart already.',
      'pt-BR': 'Só restam 3 unidades de “Tee — M”. Você já tem 2 no carrinho.',
      es: 'Solo quedan 3 unidades de “Tee — M”. Ya tienes 2 en tu carrito.',
    },
  ],
  [
    { code: 'product_unavailable', params: {} },
    { en: 'This product is not available in this store.', 'pt-BR': 'Este produto não está disponível nesta loja.', es: 'Este producto no está disponible en esta tienda.' },
  ],
  [
    { code: 'product_other_currency', params: {} },
    {
      en: 'This product is priced in another currency and cannot be bought here.',
      'pt-BR': 'Este produto tem preço em outra moeda e não pode ser comprado aqui.',
      es: 'Este producto tiene precio en otra moneda y no se puede comprar aquí.',
    },
  ],
  [
    { code: 'quantity_limit', params: { max: 999 } },
    { en: 'Order at most 999 of one item.', 'pt-BR': 'Peça no máximo 999 unidades de um mesmo item.', es: 'Pide como máximo 999 unidades de un mismo artículo.' },
  ],
  [
    { code: 'cart_changed', params: {} },
    {
      en: 'Your cart changed at the same moment; please add the item again.',
      'pt-BR': 'Seu carrinho mudou nesse mesmo instante; adicione o item de novo.',
      es: 'Tu carrito cambió en ese mismo momento; agrega el artículo de nuevo.',
    },
  ],
  [
    { code: 'not_in_cart', params: {} },
    { en: 'This item is not in your cart.', 'pt-BR': 'Este item não está no seu carrinho.', es: 'Este artículo no está en tu carrito.' },
  ],
  [
    { code: 'coupons_off', params: {} },
    { en: 'This store does not take coupon codes.', 'pt-BR': 'Esta loja não aceita cupons.', es: 'Esta tienda no acepta cupones.' },
  ],
  [
    { code: 'coupon_needs_cart', params: {} },
    {
      en: 'Add something to your cart before using a coupon.',
      'pt-BR': 'Adicione algo ao carrinho antes de usar um cupom.',
      es: 'Agrega algo a tu carrito antes de usar un cupón.',
    },
  ],
  [{ code: 'cart_empty', params: {} }, { en: 'Your cart is empty.', 'pt-BR': 'Seu carrinho está vazio.', es: 'Tu carrito está vacío.' }],
  [
    { code: 'choose_shipping', params: {} },
    {
      en: 'Choose one of the shipping options offered for this order.',
      'pt-BR': 'Escolha uma das opções de frete oferecidas para este pedido.',
      es: 'Elige una de las opciones de envío ofrecidas para este pedido.',
    },
  ],
  [
    { code: 'no_shipping', params: {} },
    { en: 'This store does not ship an order like this one.', 'pt-BR': 'Esta loja não entrega um pedido como este.', es: 'Esta tienda no envía un pedido como este.' },
  ],
];

describe('refusalText: the API refusals in the page language', () => {
  it.each(CASES)('%o', (reason, sentences) => {
    expect(refusalText(look('pt-BR'), sentences.en, reason)).toBe(sentences['pt-BR']);
    expect(refusalText(look('es'), sentences.en, reason)).toBe(sentences.es);
    // English pages show the API's own sentence, exactly as before.
    expect(refusalText(look('en', 'en-US'), sentences.en, reason)).toBe(sentences.en);
  });

  it('writes the minimum in the store currency, the way the page writes prices', () => {
    const reason = { code: 'minimum', params: { coupon: 'BIG', minimum: 150_000, currency: 'ARS' } };
    expect(refusalText(look('es', 'es-AR'), 'English', reason)).toBe('El cupón BIG es válido para pedidos desde $\u00a01.500,00.');
  });

  it.each<[string, unknown]>([
    ['no reason', undefined],
    ['a reason it does not know', { code: 'gift_wrap_missing', params: {} }],
    ['a name-less line reason', { code: 'sold_out', params: {} }],
    ['a coupon reason without the coupon', { code: 'expired', params: { coupon: '' } }],
    ['a minimum without a currency', { code: 'minimum', params: { coupon: 'BIG', minimum: 15_000 } }],
    ['a minimum in a made-up currency', { code: 'minimum', params: { coupon: 'BIG', minimum: 15_000, currency: '<b>' } }],
    ['a fractional count', { code: 'only_left', params: { name: '“Mug”', available: 1.5 } }],
    ['a per-buyer limit of 0', { code: 'buyer_limit', params: { coupon: 'X', limit: 0 } }],
    ['an inherited name', { code: 'constructor', params: {} }],
    ['params that are not a record', { code: 'cart_empty', params: ['x'] }],
    ['a nested param', { code: 'sold_out', params: { name: { first: 'Mug' } } }],
    ['not an object', 'sold_out'],
  ])('falls back to the API sentence for %s', (_name, reason) => {
    expect(refusalText(look('pt-BR'), 'The API sentence.', reason)).toBe('The API sentence.');
    expect(refusalText(look('es'), 'The API sentence.', reason)).toBe('The API sentence.');
  });
});

describe('refusalReasonOf: the reason a refusal carries', () => {
  const withReason = (code: TRPCError['code'], reason: unknown) =>
    // As the API throws it: the reason on the error's cause (RefusalCause in packages/api/src/errors.ts).
    new TRPCError({ code, message: '“Mug” is sold out.', cause: Object.assign(new Error('Refused: sold_out'), { reason }) });

  it('reads it from a refusal the buyer can read', () => {
    const reason = { code: 'sold_out', params: { name: '“Mug”' } };
    expect(refusalOf(withReason('CONFLICT', reason))).toBe('“Mug” is sold out.');
    expect(refusalReasonOf(withReason('CONFLICT', reason))).toEqual(reason);
  });

  it('has none for errors without one, malformed ones and errors that are not refusals', () => {
    expect(refusalReasonOf(new TRPCError({ code: 'BAD_REQUEST', message: 'Something.' }))).toBeUndefined();
    expect(refusalReasonOf(withReason('CONFLICT', { code: 7 }))).toBeUndefined();
    expect(refusalReasonOf(withReason('INTERNAL_SERVER_ERROR', { code: 'sold_out', params: { name: '“Mug”' } }))).toBeUndefined();
    expect(refusalReasonOf(new Error('boom'))).toBeUndefined();
  });
});

describe('pages say the refusals in their language', () => {
  const cart: CartView = {
    currency: 'BRL',
    items: [
      {
        variantId: 'v1',
        productSlug: 'tee',
        title: 'Tee',
        variantLabel: 'L',
        unitPrice: 5_500,
        quantity: 1,
        lineTotal: 5_500,
        available: 0,
        problem: '“Tee — L” is sold out.',
        problemReason: { code: 'sold_out', params: { name: '“Tee — L”' } },
      },
    ],
    itemCount: 1,
    subtotal: 5_500,
    coupon: {
      code: 'BIG',
      discount: 0,
      problem: 'The coupon BIG needs an order of at least R$ 150,00.',
      problemReason: { code: 'minimum', params: { coupon: 'BIG', minimum: 15_000, currency: 'BRL' } },
    },
    discount: 0,
  };

  it('the cart page: line and coupon problems in Portuguese, unchanged in English', () => {
    const pt = cartPage(look('pt-BR'), cart, null);
    expect(pt).toContain('“Tee — L” está esgotado.');
    expect(pt).toContain('O cupom BIG não se aplica: O cupom BIG vale para pedidos a partir de R$\u00a0150,00.');
    expect(pt).not.toContain('sold out');
    const en = cartPage(look('en', 'pt-BR'), cart, null);
    expect(en).toContain('“Tee — L” is sold out.');
    expect(en).toContain('Coupon BIG does not apply: The coupon BIG needs an order of at least R$ 150,00.');
  });

  it('a refused coupon kept in the flash cookie is said beside the field in the page language', () => {
    const flash: Flash = {
      tone: 'error',
      errors: { code: 'This coupon code does not exist in this store.' },
      errorReasons: { code: { code: 'unknown', params: {} } },
      values: { code: 'NOPE' },
    };
    // The flash goes through its cookie (set at POST, read at GET).
    const cookie = flashCookie(new Request('http://delta.test/cart/coupon'), flash).split(';')[0]!;
    const kept = readFlash(new Request('http://delta.test/cart', { headers: { cookie } }));
    const noCoupon = { ...cart, coupon: null };
    expect(cartPage(look('es'), noCoupon, kept)).toContain('data-testid="coupon-error">Este código de cupón no existe en esta tienda.</span>');
    expect(cartPage(look('en'), noCoupon, kept)).toContain('data-testid="coupon-error">This coupon code does not exist in this store.</span>');
  });

  it('a refused checkout says its sentence in the page language; a forged or missing reason keeps the English', () => {
    const flash: Flash = { tone: 'error', message: '“Mug” is sold out.', reason: { code: 'sold_out', params: { name: '“Mug”' } } };
    expect(String(flashNotice(look('pt-BR'), flash))).toContain('>“Mug” está esgotado.</p>');
    expect(String(flashNotice(look('en'), flash))).toContain('>“Mug” is sold out.</p>');
    expect(String(flashNotice(look('pt-BR'), { tone: 'error', message: '“Mug” is sold out.' }))).toContain('>“Mug” is sold out.</p>');
    const page = checkoutPage(look('es'), {
      flash,
      draft: null,
      editing: false,
      cartEmpty: true,
      defaultCountry: 'BR',
      options: [],
      chosen: null,
      quote: null,
      resume: null,
    });
    expect(page).toContain('“Mug” está agotado.');
  });
});
