import { cartTokenOf } from './cart-forms.ts';

interface CartReader {
  cart: { get(input: { cartToken: string }): Promise<{ itemCount: number }> };
}

/** The number of items in the visitor's cart for the header (0 without a cart cookie, or when it cannot be read). */
export async function cartCountOf(caller: CartReader, request: Request): Promise<number> {
  const token = cartTokenOf(request);
  if (!token) return 0;
  return (await caller.cart.get({ cartToken: token }).catch(() => null))?.itemCount ?? 0;
}
