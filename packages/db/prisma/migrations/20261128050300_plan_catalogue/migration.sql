-- The plan catalogue held in data (issue 7): where each plan sits in the public catalogue, the four public plans,
-- and the size of every stored product image so a plan's storage limit has something to count.

-- "rank" orders the public plans, cheapest first; the plan that lifts a limit is the next one up whose limit is
-- higher. NULL: a custom plan that is not offered in the comparison.
ALTER TABLE "plans" ADD COLUMN "rank" INTEGER;

UPDATE "plans" SET "rank" = CASE "code" WHEN 'free' THEN 1 WHEN 'basic' THEN 2 WHEN 'pro' THEN 3 WHEN 'enterprise' THEN 4 END
 WHERE "code" IN ('free', 'basic', 'pro', 'enterprise') AND "rank" IS NULL;

-- Plans already present (and edited by the platform since) are kept as they are.
INSERT INTO "plans" ("code", "name", "limits", "price_amount", "currency", "trial_days", "rank") VALUES
  ('free', 'Free', '{"products": 100, "ordersPerMonth": 100, "staffUsers": 1, "mlAccounts": 1, "storageMb": 500, "apiRatePerMinute": 120}', 0, 'USD', 0, 1),
  ('basic', 'Basic', '{"products": 2000, "ordersPerMonth": 2000, "staffUsers": 3, "mlAccounts": 3, "storageMb": 5000, "apiRatePerMinute": 600}', 2900, 'USD', 14, 2),
  ('pro', 'Pro', '{"products": 50000, "ordersPerMonth": 50000, "staffUsers": 15, "mlAccounts": 10, "storageMb": 50000, "apiRatePerMinute": 3000}', 9900, 'USD', 14, 3),
  ('enterprise', 'Enterprise', '{"products": null, "ordersPerMonth": null, "staffUsers": null, "mlAccounts": null, "storageMb": null, "apiRatePerMinute": null}', 0, 'USD', 30, 4)
ON CONFLICT ("code") DO NOTHING;

-- Bytes an attached product image takes in storage (all its renditions), written when the upload is attached.
-- NULL for images attached before sizes were recorded: they are not counted against the storage limit.
ALTER TABLE "product_images" ADD COLUMN "size_bytes" INTEGER;
