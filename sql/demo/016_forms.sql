-- Demo data for the form and moderation fixes of issue 14 (sql/016_forms.sql), loaded
-- after demo.sql.  Every demo account's password is demo-salasana-2026.
--   user 20 kysytty@example.org    main user of organisation 95, which a moderator asked
--                                   for more information (the question waits for its answer)
--   user 21 vastannut@example.org  main user of organisation 96, which answered the
--                                   moderator's question and is back in the queue
--   user 22 uusi@example.org       signed up, no organisation yet
--   activity 905  organisation 1's, returned with a reason, corrected and submitted again:
--                 the review compares it with the returned version, word by word
--   activity 906  a draft of organisation 90, which waits for approval (drafts only)

INSERT INTO organisations (id, name, type, business_id, registry_number, municipality_code,
                           website, description_fi, status, created_at, updated_at) VALUES
    (95, 'Kotikielten kerho ry', 'association', '9900950-6', '100.295', '091',
     'https://example.org/org-95',
     'Järjestämme kotikielten kerhoja lapsille ja nuorille pääkaupunkiseudulla.',
     'pending', '2026-11-28 09:00:00+02', '2026-11-28 09:00:00+02'),
    (96, 'Yhteinen pöytä ry', 'association', '9900960-2', '100.296', '853',
     'https://example.org/org-96',
     'Ruokaa ja keskustelua: yhteisiä aterioita uusille ja vanhoille turkulaisille.',
     'pending', '2026-11-22 11:00:00+02', '2026-11-22 11:00:00+02');

INSERT INTO users (id, email, first_name, last_name, phone, password_hash, email_verified_at,
                   is_moderator, lang, terms_accepted_at, created_at) VALUES
    (20, 'kysytty@example.org', 'Kaisa', 'Kysytty', NULL, '$2y$11$voFCac55yKt064WiR3w/v.eBH5Em3VCatZzmokCqsAivbXERcMriO',
     '2026-11-28 08:50:00+02', false, 'fi', '2026-11-28 08:50:00+02', '2026-11-28 08:50:00+02'),
    (21, 'vastannut@example.org', 'Ville', 'Vastannut', NULL, '$2y$11$voFCac55yKt064WiR3w/v.eBH5Em3VCatZzmokCqsAivbXERcMriO',
     '2026-11-22 10:50:00+02', false, 'sv', '2026-11-22 10:50:00+02', '2026-11-22 10:50:00+02'),
    (22, 'uusi@example.org', 'Unto', 'Uusi', NULL, '$2y$11$voFCac55yKt064WiR3w/v.eBH5Em3VCatZzmokCqsAivbXERcMriO',
     '2026-12-01 12:00:00+02', false, 'fi', '2026-12-01 12:00:00+02', '2026-12-01 12:00:00+02');
INSERT INTO memberships (user_id, organisation_id, role, status, created_at, decided_at) VALUES
    (20, 95, 'main', 'active', '2026-11-28 09:00:00+02', '2026-11-28 09:00:00+02'),
    (21, 96, 'main', 'active', '2026-11-22 11:00:00+02', '2026-11-22 11:00:00+02');
UPDATE organisations SET created_by = 20 WHERE id = 95;
UPDATE organisations SET created_by = 21 WHERE id = 96;

INSERT INTO organisation_questions (organisation_id, asked_at, asked_by, question, answered_at,
                                    answered_by, answer) VALUES
    (95, '2026-12-01 10:00:00+02', 1,
     'Yhdistysrekisterissä on samalla numerolla toinen nimi. Onko yhdistys vaihtanut nimeään? '
     || 'Kerro myös, kuka yhdistyksessä vastaa kerhojen toiminnasta.',
     NULL, NULL, NULL),
    (96, '2026-11-25 09:30:00+02', 1,
     'Onko yhdistyksen toiminta avointa kaikille, vai vain jäsenille?',
     '2026-11-27 18:45:00+02', 21,
     'Kaikille avointa. Aterioille ei tarvitse ilmoittautua eikä liittyä jäseneksi.');

INSERT INTO audit_log (at, actor_id, action, object_type, object_id, version, reason) VALUES
    ('2026-11-22 11:00:00+02', 21, 'organisation.register', 'organisation', 96, NULL, NULL),
    ('2026-11-25 09:30:00+02', 1, 'organisation.ask', 'organisation', 96, NULL,
     'Onko yhdistyksen toiminta avointa kaikille, vai vain jäsenille?'),
    ('2026-11-27 18:45:00+02', 21, 'organisation.answer', 'organisation', 96, NULL, NULL),
    ('2026-11-28 09:00:00+02', 20, 'organisation.register', 'organisation', 95, NULL, NULL),
    ('2026-12-01 10:00:00+02', 1, 'organisation.ask', 'organisation', 95, NULL,
     'Yhdistysrekisterissä on samalla numerolla toinen nimi. Onko yhdistys vaihtanut nimeään? '
     || 'Kerro myös, kuka yhdistyksessä vastaa kerhojen toiminnasta.');

-- 905: Kielikahvila Itäkeskuksessa (palautettu, korjattu ja lähetetty uudelleen)
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, confirmed_at, created_by, submitted_at, submitted_by, revision,
                        decided_version, decided_at, decided_by, decision_reason)
VALUES (905, 1, 'submitted', NULL, 2, '2026-11-14 12:00:00+02', '2026-11-14 12:00:00+02',
        '2026-11-14 12:00:00+02', 2, '2026-11-20 16:00:00+02', 2, 6, 1,
        '2026-11-17 09:30:00+02', 1,
        'Kerro, kenelle kahvila on tarkoitettu ja millä kielillä siellä puhutaan. Lisää myös yhteystieto.');
INSERT INTO activity_versions (activity_id, version, created_at, created_by, title_fi,
       description_fi, forms, themes, targets, languages, municipality_code, is_online,
       is_nationwide, street_address, postal_code, post_office, price_eur, registration,
       contact_email, contact_phone, rules_confirmed)
VALUES (905, 1, '2026-11-15 10:00:00+02', 2,
        'Kielikahvila Itäkeskuksessa',
        'Tule juomaan kahvia ja juttelemaan. Kahvila on auki tiistaisin.',
        ARRAY['meeting_place']::text[], ARRAY['language']::text[], ARRAY['adults']::text[],
        ARRAY['fin']::text[], '091', false, false, 'Itäkatu 1', '00930', 'Helsinki', 0,
        'drop_in', NULL, NULL,
        ARRAY['immigrants', 'non_commercial', 'open', 'non_aligned', 'equality',
              'not_authority', 'not_single_event']),
       (905, 2, '2026-11-20 16:00:00+02', 2,
        'Kielikahvila Itäkeskuksen kirjastossa',
        'Tule juomaan kahvia ja juttelemaan suomeksi rennossa seurassa. Kahvila on tarkoitettu '
        || 'aikuisille, jotka opiskelevat suomea. Kahvila on auki tiistaisin ja torstaisin.'
        || E'\n\n' || 'Vapaaehtoiset ohjaajat puhuvat myös arabiaa ja somalia.',
        ARRAY['meeting_place', 'language_club']::text[], ARRAY['language']::text[],
        ARRAY['adults']::text[], ARRAY['fin', 'ara', 'som']::text[], '091', false, false,
        'Itäkatu 1', '00930', 'Helsinki', 0, 'drop_in', 'kielikahvila@example.org',
        '040 123 4567',
        ARRAY['immigrants', 'non_commercial', 'open', 'non_aligned', 'equality',
              'not_authority', 'not_single_event']);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (905, 1, 1, 2, '16:00', '18:00'),
    (905, 2, 1, 2, '16:00', '18:00'),
    (905, 2, 2, 4, '16:00', '18:00');
INSERT INTO audit_log (at, actor_id, action, object_type, object_id, version, reason) VALUES
    ('2026-11-15 10:00:00+02', 2, 'activity.submit', 'activity', 905, 1, NULL),
    ('2026-11-17 09:30:00+02', 1, 'activity.return', 'activity', 905, 1,
     'Kerro, kenelle kahvila on tarkoitettu ja millä kielillä siellä puhutaan. Lisää myös yhteystieto.'),
    ('2026-11-20 16:00:00+02', 2, 'activity.submit', 'activity', 905, 2, NULL);

-- 906: a draft of organisation 90 (waiting for approval): it may be written, not submitted
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, confirmed_at, created_by, revision)
VALUES (906, 90, 'draft', NULL, 1, '2026-11-21 10:00:00+02', '2026-11-21 10:00:00+02',
        '2026-11-21 10:00:00+02', 4, 2);
INSERT INTO activity_versions (activity_id, version, created_at, created_by, title_fi, title_en,
       description_fi, forms, targets, languages, municipality_code, is_online, is_nationwide,
       price_eur, registration)
VALUES (906, 1, '2026-11-21 10:00:00+02', 4, 'Uusi alku -keskusteluryhmä', 'New Start talking group',
        'Keskusteluryhmä vastikään muuttaneille.', ARRAY['peer_activity']::text[],
        ARRAY['adults']::text[], ARRAY['fin', 'eng']::text[], '092', false, false, 0, 'drop_in');

DO $$
BEGIN
    PERFORM setval(pg_get_serial_sequence('organisations', 'id'), (SELECT max(id) FROM organisations));
    PERFORM setval(pg_get_serial_sequence('activities', 'id'), (SELECT max(id) FROM activities));
    PERFORM setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
END
$$;
