-- Under row-level security Postgres evaluates a query's own conditions only after the policy, unless
-- their operators are LEAKPROOF; `enum = enum` is not marked so, which keeps conditions like
-- `status = 'ACTIVE'` out of index scans: every tenant page would read and sort all of the tenant's rows.
-- enum_eq compares two OIDs and can neither fail nor reveal anything about its arguments, so marking it
-- LEAKPROOF is safe. Only a superuser may do it; on a managed server without one the migration still
-- applies and says so, and the platform keeps working with slower filtered lists.
DO $$
BEGIN
  ALTER FUNCTION enum_eq(anyenum, anyenum) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'enum_eq could not be marked LEAKPROOF (needs a superuser); enum filters will not use indexes under RLS';
END
$$;
