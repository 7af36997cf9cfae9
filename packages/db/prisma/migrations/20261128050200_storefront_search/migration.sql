-- Storefront search: a weighted full-text document per product (title A; category and collections B;
-- description C) kept by triggers, a GIN index over it per store, and a trigram index over the search terms
-- (title words and SKUs) so a mistyped word can be matched to the words the store really uses.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- GIN over (tenant_id, …): the store's key and the searched value in one index.
CREATE EXTENSION IF NOT EXISTS btree_gin;

ALTER TABLE "products" ADD COLUMN "search_document" tsvector;

-- The document of one product: folded like the search terms (lowercase, no accents), the 'simple' configuration
-- (stores write in several languages; no stemming), descriptions cut at 20,000 characters.
CREATE FUNCTION storefront_document(p_title TEXT, p_groups TEXT, p_description TEXT) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('simple'::regconfig, catalog_fold(coalesce(p_title, ''))), 'A')
        || setweight(to_tsvector('simple'::regconfig, catalog_fold(coalesce(p_groups, ''))), 'B')
        || setweight(to_tsvector('simple'::regconfig, catalog_fold(left(coalesce(p_description, ''), 20000))), 'C')
  $$;

-- The names a product is filed under: its category and the collections holding it.
CREATE FUNCTION storefront_groups_of(p_tenant_id TEXT, p_product_id TEXT, p_category_id TEXT) RETURNS TEXT
  LANGUAGE sql STABLE
  AS $$
    SELECT concat_ws(' ',
      (SELECT c.name FROM categories c WHERE c.tenant_id = p_tenant_id AND c.id = p_category_id),
      (SELECT string_agg(co.title, ' ' ORDER BY co.title)
         FROM collection_products cp
         JOIN collections co ON co.tenant_id = cp.tenant_id AND co.id = cp.collection_id
        WHERE cp.tenant_id = p_tenant_id AND cp.product_id = p_product_id))
  $$;

-- A product's own fields: the row trigger recomputes its document when its title, description or category changes
-- (no column list on the trigger: it would pin the columns' types).
CREATE FUNCTION products_search_document() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' OR (NEW.title, NEW.description, NEW.category_id) IS DISTINCT FROM (OLD.title, OLD.description, OLD.category_id) THEN
    NEW.search_document := storefront_document(NEW.title, storefront_groups_of(NEW.tenant_id, NEW.id, NEW.category_id), NEW.description);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER products_search_document
  BEFORE INSERT OR UPDATE ON "products"
  FOR EACH ROW EXECUTE FUNCTION products_search_document();

-- Rewrites the documents of the given products in one statement (a category renamed, a collection changed).
CREATE FUNCTION storefront_refresh_documents(p_tenant_ids TEXT[], p_product_ids TEXT[]) RETURNS void
  LANGUAGE sql
  AS $$
    UPDATE products p
       SET search_document = storefront_document(p.title, storefront_groups_of(p.tenant_id, p.id, p.category_id), p.description)
      FROM (SELECT DISTINCT k.t, k.i FROM unnest(p_tenant_ids, p_product_ids) AS k(t, i)) keys
     WHERE p.tenant_id = keys.t AND p.id = keys.i
  $$;

CREATE FUNCTION categories_search_documents() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM storefront_refresh_documents(array_agg(p.tenant_id), array_agg(p.id))
     FROM new_rows n
     JOIN old_rows o ON o.id = n.id
     JOIN products p ON p.tenant_id = n.tenant_id AND p.category_id = n.id
    WHERE n.name IS DISTINCT FROM o.name
   HAVING count(*) > 0;
  RETURN NULL;
END
$$;

CREATE TRIGGER categories_search_documents
  AFTER UPDATE ON "categories" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION categories_search_documents();

CREATE FUNCTION collections_search_documents() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM storefront_refresh_documents(array_agg(cp.tenant_id), array_agg(cp.product_id))
     FROM new_rows n
     JOIN old_rows o ON o.id = n.id
     JOIN collection_products cp ON cp.tenant_id = n.tenant_id AND cp.collection_id = n.id
    WHERE n.title IS DISTINCT FROM o.title
   HAVING count(*) > 0;
  RETURN NULL;
END
$$;

CREATE TRIGGER collections_search_documents
  AFTER UPDATE ON "collections" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION collections_search_documents();

CREATE FUNCTION collection_products_added_search_documents() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM storefront_refresh_documents(array_agg(tenant_id), array_agg(product_id)) FROM new_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;

CREATE FUNCTION collection_products_removed_search_documents() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM storefront_refresh_documents(array_agg(tenant_id), array_agg(product_id)) FROM old_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;

CREATE TRIGGER collection_products_added_search_documents
  AFTER INSERT ON "collection_products" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION collection_products_added_search_documents();

CREATE TRIGGER collection_products_removed_search_documents
  AFTER DELETE ON "collection_products" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION collection_products_removed_search_documents();

-- Products that existed before this migration.
UPDATE products p SET search_document = storefront_document(p.title, storefront_groups_of(p.tenant_id, p.id, p.category_id), p.description);

-- Raw SQL indexes (Prisma cannot declare them; the drift check only asks for the indexes schema.prisma names).
CREATE INDEX "products_tenant_id_search_document_idx" ON "products" USING gin ("tenant_id", "search_document");
CREATE INDEX "product_search_terms_tenant_id_term_trgm_idx" ON "product_search_terms" USING gin ("tenant_id", "term" gin_trgm_ops);

-- Under row-level security a query's own conditions become index conditions only when their functions are
-- LEAKPROOF (see 20261122190000_leakproof_enum_eq). `tsvector @@ tsquery` and pg_trgm's `text % text` return a
-- boolean computed from their arguments, raise no error and have no side effect, so marking them is safe. Only a
-- superuser may do it; without one the migration still applies and says so, and search reads the store's rows
-- one by one (slower on large catalogues, same answers).
DO $$
BEGIN
  ALTER FUNCTION ts_match_vq(tsvector, tsquery) LEAKPROOF;
  ALTER FUNCTION similarity_op(text, text) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'ts_match_vq and similarity_op could not be marked LEAKPROOF (needs a superuser); storefront search will not use its indexes under RLS';
END
$$;
