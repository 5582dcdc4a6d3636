-- Demo data of issue 14 (trust): recent moderation decisions, so that the help page
-- "Moderation and how long it takes" (/{lang}/help/moderation) shows real figures.
-- Relative to now(): the page counts the last 90 days.  Eight listings among the published
-- demo activities 10-17, each submitted and approved some hours later (3 h to 4 days).
INSERT INTO audit_log (at, actor_id, action, object_type, object_id, version, reason)
SELECT t.at, t.actor, t.action, 'activity', t.id, 1, NULL
  FROM (VALUES (10, 3), (11, 7), (12, 20), (13, 26), (14, 30), (15, 50), (16, 70), (17, 100)) AS d(id, hours)
 CROSS JOIN LATERAL (VALUES
        (now() - interval '1 day' * (d.id - 5) * 3, 2, 'activity.submit', d.id),
        (now() - interval '1 day' * (d.id - 5) * 3 + interval '1 hour' * d.hours, 1,
         'activity.approve', d.id)) AS t(at, actor, action, id);
