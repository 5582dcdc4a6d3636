-- The public pages' generation (issue 15 item 1): one number that moves, with
-- pg_notify('kt_public', n), whenever something a public page shows changes, and only
-- then.  The module keeps rendered public pages in a cache on httpd's socache and serves
-- an entry only while its generation is the current one (src/kt_pcache.c): a change
-- made anywhere (the module, kt-admin, psql) is seen on the next request.
--
-- Every table of the schema is either covered by a trigger below or named in the test's
-- list of tables no public page reads (tests/integration/test_page_cache.py
-- NEVER_PUBLIC): a new table must be put on one side or the other.
--
-- Like item 5's rule for the search (021): saving a draft of a published listing, a
-- session, a throttle, an audit line, a mail, the search cache move nothing.
CREATE TABLE kt_public_generation (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    n        bigint NOT NULL
);
INSERT INTO kt_public_generation VALUES (true, 1);

-- The row lock makes writers take turns; a transaction that moves it twice sends one
-- notification per value, delivered at commit (none for a rollback).
CREATE FUNCTION kt_public_move() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    g bigint;
BEGIN
    UPDATE kt_public_generation SET n = n + 1 RETURNING n INTO g;
    PERFORM pg_notify('kt_public', g::text);
END
$$;

-- Reference tables, and whatever is TRUNCATEd: any change is public.
CREATE FUNCTION kt_public_always() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kt_public_move();
    RETURN NULL;
END
$$;

-- A row of activities/events/jobs/networks/news/projects (or organisations), given
-- as jsonb: what of it a public page may show, without the workflow's own columns.
CREATE FUNCTION kt_public_shown(r jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT r - ARRAY['state', 'latest_version', 'revision', 'created_by', 'submitted_at',
                     'submitted_by', 'decided_version', 'decided_at', 'decided_by',
                     'decision_reason', 'reminded_at', 'name_tsv']
$$;

-- A listing row is public when it has a published version (archived or scheduled ones
-- too: their pages answer 410, or appear at a time, and the lists change with them).
-- Moves when a statement inserted or deleted such a row, or changed what one shows.
-- TG_ARGV[0]: the SQL condition "the row is public" on alias x (every such table is
-- keyed by id).
CREATE FUNCTION kt_public_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    moved boolean;
    pub text := TG_ARGV[0];
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM kt_new x WHERE %s)', pub) INTO moved;
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM kt_old x WHERE %s)', pub) INTO moved;
    ELSE
        -- x is the row public before, then the row public after; y the other side
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM kt_old x JOIN kt_new y ON y.id = x.id'
                       ' WHERE (%1$s) AND kt_public_shown(to_jsonb(x))'
                       '       IS DISTINCT FROM kt_public_shown(to_jsonb(y)))'
                       ' OR EXISTS (SELECT 1 FROM kt_new x JOIN kt_old y ON y.id = x.id'
                       ' WHERE (%1$s) AND kt_public_shown(to_jsonb(x))'
                       '       IS DISTINCT FROM kt_public_shown(to_jsonb(y)))', pub) INTO moved;
    END IF;
    IF moved THEN
        PERFORM kt_public_move();
    END IF;
    RETURN NULL;
END
$$;

-- A row of a kind's *_versions table (or of a table keyed by a version, as the
-- activities' schedule): public when it is its listing's published version.
-- TG_ARGV[0]: the listing table, TG_ARGV[1]: the column naming the listing.
CREATE FUNCTION kt_public_version_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    moved boolean := false;
    q text := 'SELECT EXISTS (SELECT 1 FROM %s x JOIN %I p ON p.id = x.%I'
              ' AND p.published_version = x.version)';
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE format(q, 'kt_new', TG_ARGV[0], TG_ARGV[1]) INTO moved;
    END IF;
    IF NOT moved AND TG_OP IN ('DELETE', 'UPDATE') THEN
        EXECUTE format(q, 'kt_old', TG_ARGV[0], TG_ARGV[1]) INTO moved;
    END IF;
    IF moved THEN
        PERFORM kt_public_move();
    END IF;
    RETURN NULL;
END
$$;

-- A table of which only some rows are public, whatever their other columns: moves when
-- a statement wrote such a row (before or after).  TG_ARGV[0]: the SQL condition "the
-- row is public" on the transition table's columns.  A network's members are shown once
-- accepted (a request waiting is not public); the help page on moderation
-- (/{lang}/help/moderation, kt_info.c) shows how long decisions took over the last 90
-- days, from the audit log: a decision moves it, and one leaving the window does too
-- (kt_public_next_change); no other line of the audit log is public.
CREATE FUNCTION kt_public_rows_where() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    moved boolean := false;
BEGIN
    -- (one IF each: a statement naming a transition table the event has not is an error)
    IF TG_OP <> 'DELETE' THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM kt_new WHERE %s)', TG_ARGV[0]) INTO moved;
    END IF;
    IF NOT moved AND TG_OP <> 'INSERT' THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM kt_old WHERE %s)', TG_ARGV[0]) INTO moved;
    END IF;
    IF moved THEN
        PERFORM kt_public_move();
    END IF;
    RETURN NULL;
END
$$;

-- The three row triggers of a table (transition tables take one event each) and its
-- TRUNCATE trigger.
CREATE FUNCTION kt_public_triggers(tbl text, fn text, args text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS kt_new'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION %I(%s)',
                   tbl || '_public_ins', tbl, fn, args);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I'
                   ' REFERENCING OLD TABLE AS kt_old NEW TABLE AS kt_new'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION %I(%s)',
                   tbl || '_public_upd', tbl, fn, args);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS kt_old'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION %I(%s)',
                   tbl || '_public_del', tbl, fn, args);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION kt_public_always()',
                   tbl || '_public_trunc', tbl);
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    -- reference data: names of places, themes, types… on every page
    FOREACH t IN ARRAY ARRAY['activity_forms', 'themes', 'target_groups', 'languages',
                             'regions', 'municipalities', 'event_types', 'event_audiences',
                             'job_types', 'network_audiences', 'organisation_types',
                             'project_funders', 'project_objectives', 'search_names'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION kt_public_always()',
                       t || '_public', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['activities', 'events', 'jobs', 'networks', 'news',
                             'projects'] LOOP
        PERFORM kt_public_triggers(t, 'kt_public_rows_changed',
                                   quote_literal('x.published_version IS NOT NULL'));
    END LOOP;
    PERFORM kt_public_triggers('organisations', 'kt_public_rows_changed',
                               quote_literal('x.status = ''approved'''));
    PERFORM kt_public_triggers('activity_versions', 'kt_public_version_changed',
                               'activities, activity_id');
    PERFORM kt_public_triggers('activity_schedule', 'kt_public_version_changed',
                               'activities, activity_id');
    PERFORM kt_public_triggers('activity_sessions', 'kt_public_version_changed',
                               'activities, activity_id');
    PERFORM kt_public_triggers('event_versions', 'kt_public_version_changed',
                               'events, event_id');
    PERFORM kt_public_triggers('job_versions', 'kt_public_version_changed', 'jobs, job_id');
    PERFORM kt_public_triggers('network_versions', 'kt_public_version_changed',
                               'networks, network_id');
    PERFORM kt_public_triggers('news_versions', 'kt_public_version_changed', 'news, news_id');
    PERFORM kt_public_triggers('project_versions', 'kt_public_version_changed',
                               'projects, project_id');
    PERFORM kt_public_triggers('network_members', 'kt_public_rows_where',
                               quote_literal('status = ''active'''));
    PERFORM kt_public_triggers('audit_log', 'kt_public_rows_where',
                               quote_literal('split_part(action, ''.'', 2)'
                                             ' IN (''approve'', ''return'', ''reject'')'));
END
$$;

DROP FUNCTION kt_public_triggers(text, text, text);

-- The search's own tables (activity_search, its text, counts and words) change only
-- with public activities since 021, and move activity_search_generation when they do:
-- the page generation follows it, so that a change made there by hand is seen too.
CREATE TRIGGER activity_search_generation_public AFTER UPDATE OR TRUNCATE
    ON activity_search_generation FOR EACH STATEMENT EXECUTE FUNCTION kt_public_always();

-- The earliest future instant at which a public page changes by time alone: a job's
-- application time ends (public_jobs), a scheduled news item appears (public_news), an
-- event begins or becomes past (its times are Helsinki wall-clock), a moderation
-- decision leaves the help page's 90 days, and Helsinki's midnight (dates: "next date"
-- on cards, a project's "active", the events of today).
CREATE FUNCTION kt_public_next_change() RETURNS timestamptz
LANGUAGE sql STABLE AS $$
    SELECT least(
        (SELECT v.closes_at FROM job_versions v
           JOIN jobs j ON j.id = v.job_id AND j.published_version = v.version
          WHERE v.closes_at > now() AND j.archived_at IS NULL
          ORDER BY v.closes_at LIMIT 1),
        (SELECT n.published_at FROM news n
          WHERE n.published_at > now() AND n.published_version IS NOT NULL
            AND n.archived_at IS NULL
          ORDER BY n.published_at LIMIT 1),
        (SELECT v.starts_at AT TIME ZONE 'Europe/Helsinki' FROM event_versions v
           JOIN events e ON e.id = v.event_id AND e.published_version = v.version
          WHERE v.starts_at > now() AT TIME ZONE 'Europe/Helsinki' AND e.archived_at IS NULL
          ORDER BY v.starts_at LIMIT 1),
        (SELECT v.ends_at AT TIME ZONE 'Europe/Helsinki' FROM event_versions v
           JOIN events e ON e.id = v.event_id AND e.published_version = v.version
          WHERE v.ends_at > now() AT TIME ZONE 'Europe/Helsinki' AND e.archived_at IS NULL
          ORDER BY v.ends_at LIMIT 1),
        (SELECT a.at + interval '90 days' FROM audit_log a
          WHERE a.at > now() - interval '90 days'
            AND split_part(a.action, '.', 2) IN ('approve', 'return', 'reject')
          ORDER BY a.at LIMIT 1),
        (date_trunc('day', now() AT TIME ZONE 'Europe/Helsinki') + interval '1 day')
            AT TIME ZONE 'Europe/Helsinki')
$$;

-- What the module reads (on every notification, and after each of its own writes):
-- the generation and, in microseconds since the epoch (apr_time_t), when time alone
-- changes a page next.  (The httpd nodes' clocks are taken to agree with the
-- database's, as NTP keeps them.)
CREATE FUNCTION kt_public_state(OUT generation bigint, OUT next_change bigint)
LANGUAGE sql STABLE AS $$
    SELECT g.n, floor(extract(epoch FROM kt_public_next_change()) * 1000000)::bigint
      FROM kt_public_generation g
$$;

-- Each min above walks an index that exists (job_versions_closes, event_versions_starts,
-- event_versions_ends, news_published, audit_log_at).
