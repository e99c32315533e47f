-- Deliveries, preferences and push subscriptions are tenant data.
SELECT app_enable_tenant_rls(t::regclass) FROM unnest(array[
  'notification_deliveries', 'notification_preferences', 'push_subscriptions'
]) AS t;
--> statement-breakpoint
-- The installation's push key pair is read by the owner at start-up only, never by requests.
REVOKE ALL ON push_keys FROM app_user;
--> statement-breakpoint
-- Emergency broadcasts' deliveries move to the notification service's record (the old table goes next).
INSERT INTO notification_deliveries (company_id, id, resident_id, unit_code, channel, template, category, urgency,
                                     data, link, source_id, status, attempts, error, updated_at, created_at)
SELECT d.company_id, d.id, d.resident_id, d.unit_code, d.channel, 'announcements.emergency', 'building', 'high',
       jsonb_build_object('title', a.title, 'body', a.body), '/app/announcements/' || a.id, a.id,
       d.status, d.attempts, d.error, d.updated_at, d.created_at
  FROM announcement_deliveries d
  JOIN announcements a ON a.company_id = d.company_id AND a.id = d.announcement_id
 WHERE d.resident_id IS NOT NULL;
