-- An uploaded file belongs to one product image: attaching the same upload twice (a double submit, two tabs) is
-- refused by the database as well as by the API, so deleting one image can never remove a file another still shows.
CREATE UNIQUE INDEX "product_images_tenant_id_storage_key_key" ON "product_images"("tenant_id", "storage_key");
