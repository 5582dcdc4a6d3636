-- Demo projects maintained in the service (sql/019_projects.sql: projects are a kind of
-- listing).  Projects 1-26 are the AMIF projects of seeds 001 and 002, loaded and made
-- published listings by demo.sql; these are the ones organisations write themselves
-- (names and texts are examples; funders and AMIF's national objectives as seed 001 names
-- them).  Dates are relative to the day the data is loaded, so running ones stay running.
--   27  organisation 1, AMIF 2.2, running, partners 2 and 5, in fi, sv and en
--   28  organisation 3, AMIF 2.1, running, nationwide, partner 18
--   29  organisation 14, AMIF 2.3, running, partners 1 and 9, only in Finnish
--   30  organisation 1, STEA, running, with an edit (version 2) waiting for review
--   31  organisation 5, another funder (named), ended last year
--   900 organisation 1, archived (410)   901 draft (404)   902 submitted (in the queue)

INSERT INTO projects (id, organisation_id, created_at, created_by) VALUES
    (27, 1, now() - interval '300 days', 2),
    (28, 3, now() - interval '200 days', NULL),
    (29, 14, now() - interval '400 days', NULL),
    (30, 1, now() - interval '120 days', 2),
    (31, 5, now() - interval '700 days', NULL),
    (900, 1, now() - interval '500 days', 2),
    (901, 1, now() - interval '3 days', 3),
    (902, 1, now() - interval '2 days', 3);

INSERT INTO project_versions (project_id, version, created_at, created_by, title_fi, title_sv,
    title_en, description_fi, description_sv, description_en, start_date, end_date, funder,
    funder_name, objective, grant_eur, regions, nationwide, contact_name, contact_email,
    contact_phone, url, partners, rules_confirmed) VALUES
    (27, 1, now() - interval '290 days', 2, 'Kielipolku', 'Språkstigen', 'Language Path',
     'Kielipolku tuo suomen kielen harjoittelun arjen paikkoihin: kirjastoihin, asukastaloihin ja kauppakeskuksiin. Vapaaehtoiset kielikaverit ja ammattilaiset ohjaavat pienryhmiä, joihin voi tulla ilman ilmoittautumista.

Hanke kouluttaa vapaaehtoisia ja kokoaa hyvät käytännöt oppaaksi, joka jää järjestöjen ja kaupungin käyttöön.',
     'Språkstigen för övningen i finska till vardagens platser: bibliotek, invånarhus och köpcentrum. Frivilliga språkvänner och yrkesfolk leder smågrupper som man kan komma till utan anmälan.

Projektet utbildar frivilliga och samlar goda metoder i en guide som blir kvar för organisationer och staden.',
     'Language Path brings Finnish practice to everyday places: libraries, community centres and shopping centres. Volunteer language buddies and professionals lead small groups anyone can join without registering.

The project trains volunteers and gathers good practice into a guide that stays in use by NGOs and the city.',
     (now() - interval '10 months')::date, (now() + interval '14 months')::date, 'amif', NULL,
     'amif_2_2', 312400.00, '{01}', false, 'Kaisa Esimerkki', 'kielipolku@example.org',
     '+358 40 123 4567', 'https://example.org/hankkeet/kielipolku', '{2,5}',
     '{project_funded,project_runner,equality}'),
    (28, 1, now() - interval '190 days', NULL, 'Tietoa Suomesta ennen muuttoa', 'Information om Finland före flytten', 'Knowing Finland before moving',
     'Hanke tuottaa selkeää tietoa Suomeen muuttamisesta, työnteosta ja opiskelusta niille, jotka harkitsevat muuttoa. Aineistot tehdään yhdessä maahan muuttaneiden kanssa ja käännetään yleisimmille kielille.',
     'Projektet tar fram tydlig information om att flytta till Finland, arbeta och studera här för dem som funderar på att flytta. Materialet görs tillsammans med invandrare och översätts till de vanligaste språken.',
     'The project produces clear information on moving to Finland, working and studying here for people who are considering the move. The materials are made together with immigrants and translated into the most common languages.',
     (now() - interval '6 months')::date, (now() + interval '18 months')::date, 'amif', NULL,
     'amif_2_1', 185000.00, '{}', true, NULL, 'tietoa-suomesta@example.org', NULL,
     'https://example.org/hankkeet/tietoa-suomesta', '{18}',
     '{project_funded,project_runner,equality}'),
    (29, 1, now() - interval '390 days', NULL, 'Osaava kotoutumistyö', NULL, NULL,
     'Hanke vahvistaa kuntien ja järjestöjen työntekijöiden osaamista kotoutumisen tukemisessa. Se järjestää koulutuksia ja vertaisryhmiä ja kokoaa alueen toimijat yhteisiin verkostotapaamisiin.',
     NULL, NULL,
     (now() - interval '13 months')::date, (now() + interval '11 months')::date, 'amif', NULL,
     'amif_2_3', 254000.00, '{01,05}', false, 'Matti Malli', 'osaava@example.org', NULL, NULL,
     '{1,9}', '{project_funded,project_runner,equality}'),
    (30, 1, now() - interval '110 days', 2, 'Perheiden olohuone', 'Familjernas vardagsrum', 'Families'' living room',
     'Avoin kohtaamispaikka lapsiperheille, joissa vanhemmat ovat muuttaneet Suomeen. Mukana on vertaistukea, neuvontaa ja leikkiä.',
     'En öppen mötesplats för barnfamiljer där föräldrarna har flyttat till Finland. Där finns kamratstöd, rådgivning och lek.',
     'An open meeting place for families with children whose parents have moved to Finland, with peer support, guidance and play.',
     (now() - interval '4 months')::date, (now() + interval '32 months')::date, 'stea', NULL, NULL,
     96000.00, '{01}', false, 'Kaisa Esimerkki', 'olohuone@example.org', NULL, NULL, '{}',
     '{project_funded,project_runner,equality}'),
    (30, 2, now() - interval '1 day', 3, 'Perheiden olohuone', 'Familjernas vardagsrum', 'Families'' living room',
     'Avoin kohtaamispaikka lapsiperheille, joissa vanhemmat ovat muuttaneet Suomeen. Mukana on vertaistukea, neuvontaa ja leikkiä. Syksystä alkaen olohuone on auki myös lauantaisin Vantaalla.',
     'En öppen mötesplats för barnfamiljer där föräldrarna har flyttat till Finland. Där finns kamratstöd, rådgivning och lek. Från hösten är vardagsrummet öppet också på lördagar i Vanda.',
     'An open meeting place for families with children whose parents have moved to Finland, with peer support, guidance and play. From the autumn it is also open on Saturdays in Vantaa.',
     (now() - interval '4 months')::date, (now() + interval '32 months')::date, 'stea', NULL, NULL,
     96000.00, '{01}', false, 'Kaisa Esimerkki', 'olohuone@example.org', NULL, NULL, '{2}',
     '{project_funded,project_runner,equality}'),
    (31, 1, now() - interval '690 days', NULL, 'Työelämään yhdessä', 'Tillsammans till arbetslivet', 'Into working life together',
     'Hankkeessa opiskelijat ja maahan muuttaneet työnhakijat tekivät yhdessä työelämäprojekteja pirkanmaalaisille yrityksille ja järjestöille.',
     'I projektet gjorde studerande och invandrade arbetssökande tillsammans arbetslivsprojekt för företag och organisationer i Birkaland.',
     'Students and immigrant jobseekers carried out work-life projects together for companies and NGOs in Pirkanmaa.',
     (now() - interval '26 months')::date, (now() - interval '2 months')::date, 'other',
     'Esimerkkisäätiö', NULL, 48000.00, '{06}', false, NULL, NULL, NULL,
     'https://example.org/hankkeet/tyoelamaan', '{}', '{project_funded,project_runner,equality}'),
    (900, 1, now() - interval '490 days', 2, 'Vanha kerhohanke', NULL, NULL,
     'Hanke on päättynyt, ja organisaatio poisti sen palvelusta.', NULL, NULL,
     (now() - interval '40 months')::date, (now() - interval '16 months')::date, 'stea', NULL,
     NULL, 20000.00, '{01}', false, NULL, 'kerho@example.org', NULL, NULL, '{}',
     '{project_funded,project_runner,equality}'),
    (901, 1, now() - interval '3 days', 3, 'Luonnos: Kotoutumisen kesäkoulu', NULL, NULL,
     NULL, NULL, NULL, NULL, NULL, 'esr', NULL, NULL, NULL, '{}', false, NULL, NULL, NULL, NULL,
     '{}', NULL),
    (902, 1, now() - interval '2 days', 3, 'Digiapu kotoutujille', 'Digital hjälp för nyanlända', NULL,
     'Vapaaehtoiset auttavat maahan muuttaneita käyttämään sähköisiä palveluja kirjastoissa.',
     'Frivilliga hjälper invandrare att använda e-tjänster på bibliotek.', NULL,
     (now() + interval '1 month')::date, (now() + interval '25 months')::date, 'amif', NULL,
     'amif_2_2', 150000.00, '{01}', false, NULL, 'digiapu@example.org', NULL, NULL, '{2}',
     '{project_funded,project_runner,equality}');

-- Published ones: version 1 approved by the demo moderator (user 1).
UPDATE projects p
   SET state = 'published', published_version = 1, latest_version = 1, decided_version = 1,
       decided_at = p.created_at + interval '2 days', decided_by = 1,
       submitted_at = p.created_at + interval '1 day', submitted_by = p.created_by,
       published_at = p.created_at + interval '2 days', updated_at = p.created_at + interval '2 days',
       confirmed_at = p.created_at + interval '2 days'
 WHERE p.id IN (27, 28, 29, 30, 31, 900);
-- 30: an edit waits for review while version 1 stays public.
UPDATE projects SET state = 'submitted', latest_version = 2, revision = 2,
       submitted_at = now() - interval '1 day', submitted_by = 3
 WHERE id = 30;
-- 900: archived by its organisation.
UPDATE projects SET archived_at = now() - interval '30 days', archive_reason = 'organisation',
       state = 'archived'
 WHERE id = 900;
-- 902: sent for review, never published.
UPDATE projects SET state = 'submitted', submitted_at = now() - interval '1 day', submitted_by = 3,
       revision = 2
 WHERE id = 902;

INSERT INTO audit_log (actor_id, action, object_type, object_id, version, at)
SELECT 3, 'project.submit', 'project', id, latest_version, submitted_at
  FROM projects WHERE id IN (30, 902);

SELECT setval(pg_get_serial_sequence('projects', 'id'), 999);
