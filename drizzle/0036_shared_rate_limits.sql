-- Rate-limit counters shared by every API process (platform/http/rate-limit-store.ts). UNLOGGED: they are not
-- worth a write-ahead log and start empty after a crash. Only the owner's pool (as for pg-boss) touches them.
CREATE UNLOGGED TABLE rate_limit_hits (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  resets_at timestamptz NOT NULL
);
--> statement-breakpoint
REVOKE ALL ON rate_limit_hits FROM app_user;
