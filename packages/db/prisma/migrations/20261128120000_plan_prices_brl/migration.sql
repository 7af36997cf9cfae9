-- The plans' list prices were written in USD while the prices Stripe charges for them (plan_stripe_prices, the
-- platform's Stripe account) are in BRL, so the plan page showed "$29.00" beside a "R$ 49,00" button. The list
-- prices now say what Stripe charges. Only rows still holding the first catalogue's values change: a price staff
-- set since is kept.
UPDATE "plans" SET "price_amount" = 4900, "currency" = 'BRL'
  WHERE "code" = 'basic' AND "price_amount" = 2900 AND "currency" = 'USD';
UPDATE "plans" SET "price_amount" = 14900, "currency" = 'BRL'
  WHERE "code" = 'pro' AND "price_amount" = 9900 AND "currency" = 'USD';
UPDATE "plans" SET "currency" = 'BRL'
  WHERE "code" IN ('free', 'enterprise') AND "price_amount" = 0 AND "currency" = 'USD';
