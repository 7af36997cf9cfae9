-- Storefront pages are cached per store in each web process. Any committed change to what a store page shows
-- announces the store's id on the channel `storefront_changed` (NOTIFY is delivered at commit, never for a rolled-back
-- transaction, and the same id is announced once per transaction however many rows changed). Statement-level
-- triggers read the transition tables, so a 10,000-row import costs one notification, not 10,000.

CREATE FUNCTION storefront_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('storefront_changed', t) FROM (SELECT DISTINCT tenant_id AS t FROM old_rows) ids;
  ELSE
    PERFORM pg_notify('storefront_changed', t) FROM (SELECT DISTINCT tenant_id AS t FROM new_rows) ids;
  END IF;
  RETURN NULL;
END $$;

-- The tenants table names the store by its own id (name, status, branding, language, currency).
CREATE FUNCTION storefront_changed_tenants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('storefront_changed', t) FROM (SELECT DISTINCT id AS t FROM old_rows) ids;
  ELSE
    PERFORM pg_notify('storefront_changed', t) FROM (SELECT DISTINCT id AS t FROM new_rows) ids;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER tenants_storefront_inserted AFTER INSERT ON "tenants" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_tenants();
CREATE TRIGGER tenants_storefront_updated AFTER UPDATE ON "tenants" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_tenants();
CREATE TRIGGER tenants_storefront_deleted AFTER DELETE ON "tenants" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_tenants();

CREATE TRIGGER domains_storefront_inserted AFTER INSERT ON "domains" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER domains_storefront_updated AFTER UPDATE ON "domains" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER domains_storefront_deleted AFTER DELETE ON "domains" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();

CREATE TRIGGER storefront_configs_storefront_inserted AFTER INSERT ON "storefront_configs" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER storefront_configs_storefront_updated AFTER UPDATE ON "storefront_configs" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER storefront_configs_storefront_deleted AFTER DELETE ON "storefront_configs" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();

CREATE TRIGGER store_pages_storefront_inserted AFTER INSERT ON "store_pages" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER store_pages_storefront_updated AFTER UPDATE ON "store_pages" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER store_pages_storefront_deleted AFTER DELETE ON "store_pages" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();

CREATE TRIGGER categories_storefront_inserted AFTER INSERT ON "categories" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER categories_storefront_updated AFTER UPDATE ON "categories" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER categories_storefront_deleted AFTER DELETE ON "categories" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();

CREATE TRIGGER products_storefront_inserted AFTER INSERT ON "products" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER products_storefront_updated AFTER UPDATE ON "products" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER products_storefront_deleted AFTER DELETE ON "products" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();

CREATE TRIGGER product_variants_storefront_inserted AFTER INSERT ON "product_variants" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER product_variants_storefront_updated AFTER UPDATE ON "product_variants" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER product_variants_storefront_deleted AFTER DELETE ON "product_variants" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();

CREATE TRIGGER product_images_storefront_inserted AFTER INSERT ON "product_images" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER product_images_storefront_updated AFTER UPDATE ON "product_images" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER product_images_storefront_deleted AFTER DELETE ON "product_images" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();

CREATE TRIGGER collections_storefront_inserted AFTER INSERT ON "collections" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER collections_storefront_updated AFTER UPDATE ON "collections" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER collections_storefront_deleted AFTER DELETE ON "collections" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();

CREATE TRIGGER collection_products_storefront_inserted AFTER INSERT ON "collection_products" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER collection_products_storefront_updated AFTER UPDATE ON "collection_products" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER collection_products_storefront_deleted AFTER DELETE ON "collection_products" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();

CREATE TRIGGER product_slug_redirects_storefront_inserted AFTER INSERT ON "product_slug_redirects" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER product_slug_redirects_storefront_updated AFTER UPDATE ON "product_slug_redirects" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER product_slug_redirects_storefront_deleted AFTER DELETE ON "product_slug_redirects" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();

CREATE TRIGGER payment_settings_storefront_inserted AFTER INSERT ON "payment_settings" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER payment_settings_storefront_updated AFTER UPDATE ON "payment_settings" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER payment_settings_storefront_deleted AFTER DELETE ON "payment_settings" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();

CREATE TRIGGER shipping_rates_storefront_inserted AFTER INSERT ON "shipping_rates" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER shipping_rates_storefront_updated AFTER UPDATE ON "shipping_rates" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
CREATE TRIGGER shipping_rates_storefront_deleted AFTER DELETE ON "shipping_rates" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION storefront_changed_rows();
