-- Demo jobs and volunteer roles (sql/018_jobs.sql): paid posts of different types across
-- regions, a remote one, volunteer roles, and the lifecycle's other states.  Organisations,
-- places and kinds of work are those of the demo data; contact details are example ones.
-- Deadlines are relative to the day the data is loaded, so that the open ones stay open.
--   1        organisation 1's, permanent, Helsinki, texts in fi/sv/en, deadline with a time;
--            an edit (version 2) submitted by user 3 waits: the review shows the changes
--   2        fixed-term, Tampere, in Finnish only (fallback on sv/en pages)
--   3        part-time, Turku, with a salary note in Finnish and Swedish (English falls back)
--   4        internship, remote only
--   5        volunteer, Vantaa, with languages asked for
--   6        volunteer, Oulu, also remote
--   900      closed and archived (410)   901 draft (404)   902 submitted by organisation 1

INSERT INTO jobs (id, organisation_id, state, published_version, latest_version, created_at, updated_at, published_at, archived_at, archive_reason, confirmed_at, created_by, submitted_at, submitted_by, decided_version, decided_at, decided_by) VALUES
    (1, 1, 'submitted', 1, 2, now() - interval '6 days', now() - interval '6 days', now() - interval '6 days', NULL, NULL, now() - interval '6 days', 2, now() - interval '2 hours', 3, 1, now() - interval '6 days', 1),
    (2, 21, 'published', 1, 1, now() - interval '8 days', now() - interval '8 days', now() - interval '8 days', NULL, NULL, now() - interval '8 days', NULL, now() - interval '9 days', NULL, 1, now() - interval '8 days', 1),
    (3, 31, 'published', 1, 1, now() - interval '10 days', now() - interval '10 days', now() - interval '10 days', NULL, NULL, now() - interval '10 days', NULL, now() - interval '11 days', NULL, 1, now() - interval '10 days', 1),
    (4, 19, 'published', 1, 1, now() - interval '12 days', now() - interval '12 days', now() - interval '12 days', NULL, NULL, now() - interval '12 days', NULL, now() - interval '13 days', NULL, 1, now() - interval '12 days', 1),
    (5, 34, 'published', 1, 1, now() - interval '4 days', now() - interval '4 days', now() - interval '4 days', NULL, NULL, now() - interval '4 days', NULL, now() - interval '5 days', NULL, 1, now() - interval '4 days', 1),
    (6, 23, 'published', 1, 1, now() - interval '3 days', now() - interval '3 days', now() - interval '3 days', NULL, NULL, now() - interval '3 days', NULL, now() - interval '4 days', NULL, 1, now() - interval '3 days', 1),
    (900, 1, 'archived', 1, 1, now() - interval '60 days', now() - interval '9 days', now() - interval '60 days', now() - interval '9 days', 'ended', now() - interval '60 days', 2, now() - interval '61 days', 2, 1, now() - interval '60 days', 1),
    (901, 1, 'draft', NULL, 1, now() - interval '2 days', now() - interval '2 days', NULL, NULL, NULL, now() - interval '2 days', 2, NULL, NULL, NULL, NULL, NULL),
    (902, 1, 'submitted', NULL, 1, now() - interval '1 day', now() - interval '1 day', NULL, NULL, NULL, now() - interval '1 day', 3, now() - interval '20 hours', 3, NULL, NULL, NULL);

INSERT INTO job_versions (job_id, version, created_at, created_by, title_fi, title_sv, title_en, description_fi, description_sv, description_en, job_type, municipality_code, is_remote, hours_per_week, languages, deadline_date, deadline_time, apply_url, apply_email, contact_name, contact_email, contact_phone, salary_fi, salary_sv, salary_en, rules_confirmed) VALUES
    (1, 1, now() - interval '7 days', 2,
     'Kotoutumisen ohjaaja', 'Integrationshandledare', 'Integration counsellor',
     'Etsimme kotoutumisen ohjaajaa matalan kynnyksen kielikerhoihimme Helsinkiin. Ohjaat vapaaehtoisia, suunnittelet kerhojen toimintaa yhdessä osallistujien kanssa ja teet yhteistyötä kaupungin palveluiden ja muiden järjestöjen kanssa.' || E'\n\n' || 'Toivomme kokemusta maahan muuttaneiden kanssa työskentelystä ja vapaaehtoisten ohjaamisesta. Arabian tai somalin taito katsotaan eduksi.',
     'Vi söker en integrationshandledare för våra lågtröskliga språkklubbar i Helsingfors. Du handleder frivilliga, planerar klubbarnas verksamhet tillsammans med deltagarna och samarbetar med stadens tjänster och andra organisationer.',
     'We are looking for an integration counsellor for our low-threshold language clubs in Helsinki. You guide volunteers, plan the clubs together with the participants and work with the city''s services and other organisations.',
     'permanent', '091', false, 37.5, ARRAY['fin', 'eng']::text[], current_date + 30, '16:00',
     'https://example.org/rekry/kotoutumisen-ohjaaja', NULL, 'Rekrytoinnin yhteyshenkilö', 'rekry@example.org', '040 000 0001',
     'Vaativuusryhmä 4, noin 2 900 €/kk', 'Kravnivågrupp 4, cirka 2 900 €/mån', 'Job grade 4, about EUR 2 900 a month', ARRAY['job_relevant', 'job_employer', 'equality']::text[]),
    (1, 2, now() - interval '2 hours', 3,
     'Kotoutumisen ohjaaja (2 paikkaa)', 'Integrationshandledare (2 tjänster)', 'Integration counsellor (2 posts)',
     'Etsimme kahta kotoutumisen ohjaajaa matalan kynnyksen kielikerhoihimme Helsinkiin. Ohjaat vapaaehtoisia, suunnittelet kerhojen toimintaa yhdessä osallistujien kanssa ja teet yhteistyötä kaupungin palveluiden ja muiden järjestöjen kanssa.' || E'\n\n' || 'Toivomme kokemusta maahan muuttaneiden kanssa työskentelystä ja vapaaehtoisten ohjaamisesta. Arabian tai somalin taito katsotaan eduksi.',
     'Vi söker två integrationshandledare för våra lågtröskliga språkklubbar i Helsingfors. Du handleder frivilliga, planerar klubbarnas verksamhet tillsammans med deltagarna och samarbetar med stadens tjänster och andra organisationer.',
     'We are looking for two integration counsellors for our low-threshold language clubs in Helsinki. You guide volunteers, plan the clubs together with the participants and work with the city''s services and other organisations.',
     'permanent', '091', false, 37.5, ARRAY['fin', 'eng', 'ara']::text[], current_date + 30, '16:00',
     'https://example.org/rekry/kotoutumisen-ohjaaja', NULL, 'Rekrytoinnin yhteyshenkilö', 'rekry@example.org', '040 000 0001',
     'Vaativuusryhmä 4, noin 2 900 €/kk', 'Kravnivågrupp 4, cirka 2 900 €/mån', 'Job grade 4, about EUR 2 900 a month', ARRAY['job_relevant', 'job_employer', 'equality']::text[]),
    (2, 1, now() - interval '9 days', NULL,
     'Projektikoordinaattori, kotoutumista tukeva järjestötyö', NULL, NULL,
     'Määräaikainen projektikoordinaattorin tehtävä Tampereella hankkeen loppuun asti. Koordinoit järjestöjen ja kunnan yhteisiä tapahtumia, kokoat tietoa hankkeen toiminnasta ja viestit siitä verkossa.',
     NULL, NULL,
     'fixed_term', '837', false, 37.5, ARRAY['fin']::text[], current_date + 20, NULL,
     NULL, 'rekrytointi@example.org', NULL, NULL, NULL,
     NULL, NULL, NULL, ARRAY['job_relevant', 'job_employer', 'equality']::text[]),
    (3, 1, now() - interval '11 days', NULL,
     'Kielikerhon ohjaaja (osa-aikainen)', 'Ledare för språkklubb (deltid)', 'Language club leader (part-time)',
     'Ohjaat kahta suomen kielen kerhoa viikossa Turussa. Tehtävä sopii esimerkiksi opiskelijalle tai eläkeläiselle.',
     'Du leder två finska språkklubbar i veckan i Åbo. Uppdraget passar till exempel en studerande eller pensionär.',
     'You lead two Finnish language clubs a week in Turku. The role suits, for example, a student or a retired person.',
     'part_time', '853', false, 8, ARRAY['fin', 'swe']::text[], current_date + 10, NULL,
     'https://example.org/silta/hae', NULL, NULL, NULL, NULL,
     'Tuntipalkka 18 €', 'Timlön 18 €', NULL, ARRAY['job_relevant', 'job_employer', 'equality']::text[]),
    (4, 1, now() - interval '13 days', NULL,
     'Harjoittelija, verkkoviestintä', 'Praktikant, webbkommunikation', 'Intern, online communications',
     'Harjoittelija viestintätiimiimme kolmeksi kuukaudeksi. Työ tehdään etänä: kirjoitat verkkosivuille ja somekanaviin selkokielisiä tekstejä kotoutumista tukevasta toiminnasta.',
     'Praktikant till vårt kommunikationsteam i tre månader. Arbetet görs på distans: du skriver lättlästa texter om integrationsstödjande verksamhet för webben och sociala medier.',
     'An intern for our communications team for three months. The work is remote: you write plain-language texts about integration activities for the web and social media.',
     'internship', NULL, true, 30, ARRAY['fin', 'eng']::text[], current_date + 14, '12:00',
     'https://example.org/spr/harjoittelu', 'harjoittelu@example.org', 'Viestintäpäällikkö', 'viestinta@example.org', NULL,
     'Harjoittelupalkka 1 800 €/kk', 'Praktikantlön 1 800 €/mån', 'Intern salary EUR 1 800 a month', ARRAY['job_relevant', 'job_employer', 'equality']::text[]),
    (5, 1, now() - interval '5 days', NULL,
     'Vapaaehtoinen läksykerhoon', 'Frivillig till läxklubben', 'Volunteer for a homework club',
     'Tule auttamaan lapsia ja nuoria läksyissä Vantaalla tiistai-iltaisin. Perehdytämme sinut tehtävään, eikä aiempaa kokemusta tarvita.',
     'Kom och hjälp barn och unga med läxorna i Vanda på tisdagskvällar. Vi introducerar dig i uppdraget, och ingen tidigare erfarenhet behövs.',
     'Come and help children and young people with their homework in Vantaa on Tuesday evenings. We introduce you to the role; no experience is needed.',
     'volunteer', '092', false, 2, ARRAY['fin', 'ara', 'som']::text[], current_date + 45, NULL,
     NULL, 'vapaaehtoiset@example.org', 'Vapaaehtoistoiminnan koordinaattori', 'vapaaehtoiset@example.org', NULL,
     'Matkakulut korvataan', 'Resekostnaderna ersätts', 'Travel expenses are paid', ARRAY['job_relevant', 'job_employer', 'equality']::text[]),
    (6, 1, now() - interval '4 days', NULL,
     'Vapaaehtoinen keskusteluseuraksi', 'Frivillig samtalspartner', 'Volunteer conversation partner',
     'Keskustele suomeksi kielenoppijan kanssa kerran viikossa Oulun olohuoneella tai verkossa.',
     'Samtala på finska med en språkinlärare en gång i veckan i vardagsrummet i Uleåborg eller på nätet.',
     'Talk in Finnish with a language learner once a week at the living room in Oulu or online.',
     'volunteer', '564', true, NULL, ARRAY['fin']::text[], current_date + 60, NULL,
     'https://example.org/olohuone/vapaaehtoiseksi', NULL, NULL, NULL, NULL,
     NULL, NULL, NULL, ARRAY['job_relevant', 'job_employer', 'equality']::text[]),
    (900, 1, now() - interval '61 days', 2,
     'Kesätyöntekijä kielikerhoihin', NULL, NULL,
     'Kesätyöntekijä kielikerhoihimme. Hakuaika on päättynyt.', NULL, NULL,
     'fixed_term', '091', false, 37.5, ARRAY['fin']::text[], current_date - 10, NULL,
     'https://example.org/rekry/kesatyo', NULL, NULL, NULL, NULL,
     NULL, NULL, NULL, ARRAY['job_relevant', 'job_employer', 'equality']::text[]),
    (901, 1, now() - interval '2 days', 2,
     'Luonnos: toiminnanjohtaja', NULL, NULL,
     NULL, NULL, NULL,
     'permanent', '091', false, NULL, '{}'::text[], NULL, NULL,
     NULL, NULL, NULL, NULL, NULL,
     NULL, NULL, NULL, NULL),
    (902, 1, now() - interval '20 hours', 3,
     'Vapaaehtoinen kielikaveri', 'Frivillig språkvän', NULL,
     'Tapaa kielenoppijaa kahden viikon välein Helsingissä ja harjoitelkaa suomea arjen tilanteissa.',
     'Träffa en språkinlärare varannan vecka i Helsingfors och öva finska i vardagliga situationer.', NULL,
     'volunteer', '091', false, 1.5, ARRAY['fin']::text[], current_date + 25, NULL,
     NULL, 'kielikaveri@example.org', NULL, NULL, NULL,
     NULL, NULL, NULL, ARRAY['job_relevant', 'job_employer', 'equality']::text[]);


-- each submission moved the revision on (the editor's forms carry it)
UPDATE jobs SET revision = 2 WHERE id IN (1, 902);

SELECT setval(pg_get_serial_sequence('jobs', 'id'), 999);
