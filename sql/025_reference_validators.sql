-- The partner feeds name forms, themes, languages, places and their own kinds' types from
-- the vocabularies, and their validators (ETag) carry kt_reference_generation (sql/006),
-- so that a name changed by hand or by tools/kt-iso639-sql is never kept behind a 304.
-- 006 moves it for the vocabularies of activities; these are the later kinds' (events'
-- types and audiences, jobs' types, networks' audiences, projects' funders and
-- objectives) and the organisation types the directory names.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['event_types', 'event_audiences', 'job_types', 'network_audiences',
                             'organisation_types', 'project_funders', 'project_objectives'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION kt_reference_changed()',
                       t || '_reference', t);
    END LOOP;
END
$$;
