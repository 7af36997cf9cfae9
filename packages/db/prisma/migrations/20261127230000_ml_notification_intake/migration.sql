-- Mercado Livre notification intake in one round trip. The webhook must answer within 500 ms, and a
-- transaction driven from the application (BEGIN, set the tenant, write, COMMIT) costs four round trips and
-- most of the intake's CPU. This function does the same work in one call, as the calling role (SECURITY
-- INVOKER: vitrine_app, under forced row-level security): it finds the seller's route, sets app.tenant_id
-- for the statement's own transaction, and then only that tenant's rows are visible or writable.
--
-- Outcomes: unknown_seller (no route), inactive_account, duplicate (the key is stored with at least this
-- attempt count: nothing is written), stored (a new row and, with it, exactly one outbox job).
CREATE FUNCTION ml_accept_notification(
  p_ml_user_id BIGINT, p_key TEXT, p_topic TEXT, p_resource TEXT, p_attempts INTEGER, p_body JSONB,
  p_new_id TEXT, p_outbox_id TEXT
) RETURNS TABLE (outcome TEXT, tenant_id TEXT, notification_id TEXT)
LANGUAGE plpgsql SECURITY INVOKER AS $$
#variable_conflict use_column
DECLARE
  v_tenant TEXT;
  v_account TEXT;
  v_id TEXT;
  v_attempts INTEGER;
  v_inserted BOOLEAN;
BEGIN
  SELECT r.tenant_id, r.account_id INTO v_tenant, v_account FROM ml_account_routes r WHERE r.ml_user_id = p_ml_user_id;
  IF v_tenant IS NULL THEN
    RETURN QUERY SELECT 'unknown_seller'::TEXT, NULL::TEXT, NULL::TEXT;
    RETURN;
  END IF;

  PERFORM set_config('app.tenant_id', v_tenant, true);

  PERFORM 1 FROM ml_accounts a WHERE a.id = v_account AND a.status = 'ACTIVE';
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'inactive_account'::TEXT, v_tenant, NULL::TEXT;
    RETURN;
  END IF;

  -- A retry already stored is only read: a storm of duplicates takes no row lock and writes nothing.
  SELECT n.id, n.ml_attempts INTO v_id, v_attempts FROM ml_notifications n WHERE n.tenant_id = v_tenant AND n.notification_key = p_key;
  IF v_id IS NOT NULL AND v_attempts >= p_attempts THEN
    RETURN QUERY SELECT 'duplicate'::TEXT, v_tenant, v_id;
    RETURN;
  END IF;

  INSERT INTO ml_notifications AS n (id, tenant_id, account_id, notification_key, topic, resource, ml_user_id, ml_attempts, body)
  VALUES (p_new_id, v_tenant, v_account, p_key, p_topic, p_resource, p_ml_user_id, p_attempts, p_body)
  ON CONFLICT (tenant_id, notification_key)
    DO UPDATE SET ml_attempts = GREATEST(n.ml_attempts, EXCLUDED.ml_attempts)
  RETURNING n.id, (n.xmax = 0) INTO v_id, v_inserted;

  IF NOT v_inserted THEN
    RETURN QUERY SELECT 'duplicate'::TEXT, v_tenant, v_id;
    RETURN;
  END IF;

  INSERT INTO outbox_jobs (id, tenant_id, queue, name, payload, job_id)
  VALUES (p_outbox_id, v_tenant, 'mercadolivre', 'notification.process',
          jsonb_build_object('tenantId', v_tenant, 'notificationId', v_id), 'ml-notif-' || v_id);
  RETURN QUERY SELECT 'stored'::TEXT, v_tenant, v_id;
END
$$;

REVOKE ALL ON FUNCTION ml_accept_notification(BIGINT, TEXT, TEXT, TEXT, INTEGER, JSONB, TEXT, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ml_accept_notification(BIGINT, TEXT, TEXT, TEXT, INTEGER, JSONB, TEXT, TEXT) TO vitrine_app;
