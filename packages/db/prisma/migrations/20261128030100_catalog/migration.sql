-- Catalog: option axes and enabled flags for variants, the products' total stock, collections with ordered
-- manual membership, old product addresses kept for 301s, and a search index of title words and SKUs.
-- Every new table is tenant-owned: tenant_id NOT NULL, indexes that start with it, FORCE'd row-level security,
-- and composite (tenant_id, …) references so no row can point at another tenant's row.

CREATE EXTENSION IF NOT EXISTS unaccent;

ALTER TABLE "products" ADD COLUMN "options" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "products" ADD COLUMN "total_stock" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "products_tenant_id_total_stock_idx" ON "products"("tenant_id", "total_stock");

ALTER TABLE "product_variants" ADD COLUMN "enabled" BOOLEAN NOT NULL DEFAULT true;

CREATE TABLE "collections" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "seo_title" TEXT,
    "seo_description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "collections_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "collections_tenant_id_id_key" ON "collections"("tenant_id", "id");
CREATE UNIQUE INDEX "collections_tenant_id_slug_key" ON "collections"("tenant_id", "slug");
CREATE INDEX "collections_tenant_id_created_at_idx" ON "collections"("tenant_id", "created_at");
ALTER TABLE "collections" ADD CONSTRAINT "collections_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "collection_products" (
    "tenant_id" TEXT NOT NULL,
    "collection_id" TEXT NOT NULL,
    "product_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "collection_products_pkey" PRIMARY KEY ("tenant_id", "collection_id", "product_id")
);
CREATE INDEX "collection_products_tenant_id_collection_id_position_idx" ON "collection_products"("tenant_id", "collection_id", "position");
CREATE INDEX "collection_products_tenant_id_product_id_idx" ON "collection_products"("tenant_id", "product_id");
ALTER TABLE "collection_products" ADD CONSTRAINT "collection_products_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "collection_products" ADD CONSTRAINT "collection_products_tenant_id_collection_id_fkey" FOREIGN KEY ("tenant_id", "collection_id") REFERENCES "collections"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "collection_products" ADD CONSTRAINT "collection_products_tenant_id_product_id_fkey" FOREIGN KEY ("tenant_id", "product_id") REFERENCES "products"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "product_slug_redirects" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "old_slug" TEXT NOT NULL,
    "product_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "product_slug_redirects_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "product_slug_redirects_tenant_id_old_slug_key" ON "product_slug_redirects"("tenant_id", "old_slug");
CREATE INDEX "product_slug_redirects_tenant_id_product_id_idx" ON "product_slug_redirects"("tenant_id", "product_id");
ALTER TABLE "product_slug_redirects" ADD CONSTRAINT "product_slug_redirects_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "product_slug_redirects" ADD CONSTRAINT "product_slug_redirects_tenant_id_product_id_fkey" FOREIGN KEY ("tenant_id", "product_id") REFERENCES "products"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Terms compare byte-wise (COLLATE "C") so a prefix is exactly the range [term, term || U+10FFFF).
CREATE TABLE "product_search_terms" (
    "tenant_id" TEXT NOT NULL,
    "term" TEXT COLLATE "C" NOT NULL,
    "product_id" TEXT NOT NULL,
    CONSTRAINT "product_search_terms_pkey" PRIMARY KEY ("tenant_id", "term", "product_id")
);
CREATE INDEX "product_search_terms_tenant_id_product_id_idx" ON "product_search_terms"("tenant_id", "product_id");
ALTER TABLE "product_search_terms" ADD CONSTRAINT "product_search_terms_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "product_search_terms" ADD CONSTRAINT "product_search_terms_tenant_id_product_id_fkey" FOREIGN KEY ("tenant_id", "product_id") REFERENCES "products"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "collections" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "collections" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "collections"
  USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());

ALTER TABLE "collection_products" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "collection_products" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "collection_products"
  USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());

ALTER TABLE "product_slug_redirects" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "product_slug_redirects" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "product_slug_redirects"
  USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());

ALTER TABLE "product_search_terms" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "product_search_terms" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "product_search_terms"
  USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());

-- Lowercase without accents ("Camiseta Básica" → "camiseta basica"): the same folding for stored terms and
-- for what people type (the application folds its query with this function too).
CREATE FUNCTION catalog_fold(value TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

-- The words of a text after folding: runs of letters and digits.
CREATE FUNCTION catalog_words(value TEXT) RETURNS SETOF TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT DISTINCT w FROM regexp_split_to_table(catalog_fold(value), '[^a-z0-9]+') AS w WHERE w <> '' $$;

-- Rewrites the search terms (title words, each SKU whole and its words) and the total stock of the given
-- products, in one set-based pass (bulk inserts of thousands of rows stay one statement each).
CREATE FUNCTION catalog_refresh_products(p_tenant_ids TEXT[], p_product_ids TEXT[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS catalog_refresh_keys (tenant_id TEXT NOT NULL, product_id TEXT NOT NULL) ON COMMIT DROP;
  TRUNCATE catalog_refresh_keys;
  INSERT INTO catalog_refresh_keys SELECT DISTINCT k.t, k.p FROM unnest(p_tenant_ids, p_product_ids) AS k(t, p);

  DELETE FROM product_search_terms s USING catalog_refresh_keys k
   WHERE s.tenant_id = k.tenant_id AND s.product_id = k.product_id;

  INSERT INTO product_search_terms (tenant_id, term, product_id)
  SELECT DISTINCT terms.tenant_id, left(terms.term, 200), terms.product_id FROM (
    SELECT p.tenant_id, p.id AS product_id, catalog_words(p.title) AS term
      FROM products p JOIN catalog_refresh_keys k ON k.tenant_id = p.tenant_id AND k.product_id = p.id
    UNION ALL
    SELECT v.tenant_id, v.product_id, catalog_fold(v.sku)
      FROM product_variants v JOIN catalog_refresh_keys k ON k.tenant_id = v.tenant_id AND k.product_id = v.product_id
    UNION ALL
    SELECT v.tenant_id, v.product_id, catalog_words(v.sku)
      FROM product_variants v JOIN catalog_refresh_keys k ON k.tenant_id = v.tenant_id AND k.product_id = v.product_id
  ) terms
  WHERE terms.term <> '';

  UPDATE products p
     SET total_stock = totals.total
    FROM (
      SELECT k.tenant_id, k.product_id,
             COALESCE((SELECT sum(v.stock) FROM product_variants v
                        WHERE v.tenant_id = k.tenant_id AND v.product_id = k.product_id AND v.enabled), 0)::int AS total
        FROM catalog_refresh_keys k
    ) totals
   WHERE p.tenant_id = totals.tenant_id AND p.id = totals.product_id AND p.total_stock <> totals.total;
END
$$;

-- Statement triggers with transition tables: one refresh per statement, whatever the number of rows.
-- (No column lists on these triggers: they would pin the columns' types.)
CREATE FUNCTION products_catalog_inserted() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM catalog_refresh_products(array_agg(tenant_id), array_agg(id)) FROM new_rows;
  RETURN NULL;
END
$$;

CREATE FUNCTION products_catalog_updated() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM catalog_refresh_products(array_agg(n.tenant_id), array_agg(n.id))
     FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.title IS DISTINCT FROM o.title
   HAVING count(*) > 0;
  RETURN NULL;
END
$$;

CREATE TRIGGER products_catalog_inserted
  AFTER INSERT ON "products" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION products_catalog_inserted();

CREATE TRIGGER products_catalog_updated
  AFTER UPDATE ON "products" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION products_catalog_updated();

CREATE FUNCTION product_variants_catalog_inserted() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM catalog_refresh_products(array_agg(tenant_id), array_agg(product_id)) FROM new_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;

CREATE FUNCTION product_variants_catalog_updated() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM catalog_refresh_products(array_agg(k.tenant_id), array_agg(k.product_id))
     FROM (
       SELECT n.tenant_id, n.product_id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.sku, n.stock, n.enabled, n.product_id) IS DISTINCT FROM (o.sku, o.stock, o.enabled, o.product_id)
       UNION
       SELECT o.tenant_id, o.product_id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.product_id IS DISTINCT FROM o.product_id
     ) k
   HAVING count(*) > 0;
  RETURN NULL;
END
$$;

-- Deleted variants of a product deleted in the same statement (a cascade) leave nothing to refresh.
CREATE FUNCTION product_variants_catalog_deleted() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM catalog_refresh_products(array_agg(o.tenant_id), array_agg(o.product_id))
     FROM old_rows o
    WHERE EXISTS (SELECT 1 FROM products p WHERE p.tenant_id = o.tenant_id AND p.id = o.product_id)
   HAVING count(*) > 0;
  RETURN NULL;
END
$$;

CREATE TRIGGER product_variants_catalog_inserted
  AFTER INSERT ON "product_variants" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_variants_catalog_inserted();

CREATE TRIGGER product_variants_catalog_updated
  AFTER UPDATE ON "product_variants" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_variants_catalog_updated();

CREATE TRIGGER product_variants_catalog_deleted
  AFTER DELETE ON "product_variants" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_variants_catalog_deleted();

-- Products and variants that existed before this migration.
SELECT catalog_refresh_products(array_agg(tenant_id), array_agg(id)) FROM products HAVING count(*) > 0;
