-- Events (012) were written beside the text rule (009): their texts get its CHECKs too,
-- one per column as 009 gave activities', so that what an event's form lets through the
-- database keeps and nothing stored can make a decision's mail, a page or the feed fail.
-- Rows written before are cleaned to the rule first (kt_text_clean, as in 009).

CREATE FUNCTION pg_temp.kt_text_checks(tbl text, cols text[], multiline boolean)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    c text;
BEGIN
    FOREACH c IN ARRAY cols LOOP
        EXECUTE format('UPDATE %I SET %I = kt_text_clean(%I, %L) WHERE NOT kt_text_ok(%I, %L)',
                       tbl, c, c, multiline, c, multiline);
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (kt_text_ok(%I, %L))',
                       tbl, tbl || '_' || c || '_text', c, multiline);
    END LOOP;
END
$$;

SELECT pg_temp.kt_text_checks('events', ARRAY['decision_reason'], true);
SELECT pg_temp.kt_text_checks('event_versions',
                              ARRAY['title_fi', 'title_sv', 'title_en', 'street_address',
                                    'post_office', 'online_url', 'registration_url',
                                    'contact_name', 'contact_email', 'contact_phone', 'url'],
                              false);
SELECT pg_temp.kt_text_checks('event_versions',
                              ARRAY['description_fi', 'description_sv', 'description_en'], true);
