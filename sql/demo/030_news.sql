-- Demo news (sql/015_news.sql: news is a kind of listing, written by moderators).
--   1-5    the items loaded before news was written in the service (texts as they were,
--          news 4 only in Finnish), now with summaries, published on their old dates
--   6      about event 2 (the related item), with links in its body; in fi, sv and en
--   7      about project 26, in Finnish and English
--   8      scheduled: public two weeks after the data is loaded (404 until then)
--   900    withdrawn after it was public (410)   901 a draft, never public (404)
--   902    published, with an edit waiting as a draft (the public page shows version 1)
-- Written by the demo moderator (user 1).  Times other than 1-5 are relative to the day
-- the data is loaded.

CREATE TEMPORARY TABLE news_demo_legacy (
    id bigint, title_fi text, title_sv text, title_en text, body_fi text, body_sv text,
    body_en text, published_at timestamptz);
INSERT INTO news_demo_legacy (id, title_fi, title_sv, title_en, body_fi, body_sv, body_en, published_at) VALUES
    (1, 'Palvelu uudistui: kotoutumista tukeva toiminta yhdestä paikasta', 'Tjänsten har förnyats: verksamhet som stöder integration på ett ställe', 'The service has been renewed: integration support activities in one place',
     'Hakemisto on uudistunut. Voit nyt etsiä toimintaa kunnan, kielen, kohderyhmän ja toimintamuodon mukaan, ja palvelu toimii entistä paremmin puhelimella ja ruudunlukijalla.

Kiitos kaikille, jotka antoivat palautetta testausvaiheessa!',
     'Katalogen har förnyats. Nu kan du söka verksamhet enligt kommun, språk, målgrupp och verksamhetsform, och tjänsten fungerar bättre med mobiltelefon och skärmläsare.

Tack till alla som gav respons under testet!',
     'The directory has been renewed. You can now search for activities by municipality, language, target group and form of activity, and the service works better on phones and with screen readers.

Thank you to everyone who gave feedback during testing!',
     '2026-02-10 10:00:00+02'),
    (2, 'Ilmoita kesän toiminnasta ajoissa', 'Anmäl sommarens verksamhet i god tid', 'List your summer activities in good time',
     'Kesäleirit, retket ja puistojen kielikerhot kannattaa ilmoittaa palveluun hyvissä ajoin. Moderaattorit tarkistavat ilmoitukset yleensä muutaman arkipäivän kuluessa.',
     'Sommarläger, utflykter och språkklubbar i parkerna lönar det sig att anmäla i god tid. Moderatorerna granskar anmälningarna vanligen inom några vardagar.',
     'Summer camps, excursions and language clubs in parks are worth listing well in advance. Moderators usually review listings within a few working days.',
     '2026-04-15 09:30:00+03'),
    (3, 'Uusia kielikerhoja syksyksi', 'Nya språkklubbar i höst', 'New language clubs this autumn',
     'Syksyllä alkaa useita uusia kielikerhoja kirjastoissa ja kohtaamispaikoissa eri puolilla Suomea. Katso lähimmät kerhot hakemalla toimintamuodolla Kielikerhot ja -kurssit.',
     'I höst startar flera nya språkklubbar på bibliotek och mötesplatser runt om i Finland. Hitta de närmaste genom att söka på verksamhetsformen Språkklubbar och språkkurser.',
     'Several new language clubs start this autumn in libraries and meeting places around Finland. Find the nearest ones by searching for the form Language clubs and courses.',
     '2026-06-02 12:00:00+03'),
    (4, 'Koulutus järjestöille: hyvä toimintailmoitus', NULL, NULL,
     'Järjestämme lokakuussa verkkokoulutuksen siitä, miten kirjoitat selkeän ja saavutettavan toimintailmoituksen. Koulutus on maksuton, ja tallenne julkaistaan jälkikäteen.',
     NULL,
     NULL,
     '2026-09-08 14:00:00+03'),
    (5, 'Muista vahvistaa ilmoituksesi', 'Kom ihåg att bekräfta dina anmälningar', 'Remember to confirm your listings',
     'Ilmoitus arkistoituu automaattisesti, jos sitä ei ole vahvistettu ajantasaiseksi vuoden aikana. Tarkista ilmoitustesi tiedot ja vahvista ne omilla sivuillasi.',
     'En anmälan arkiveras automatiskt om den inte har bekräftats som aktuell under ett år. Kontrollera uppgifterna i dina anmälningar och bekräfta dem på dina egna sidor.',
     'A listing is archived automatically if it has not been confirmed as up to date within a year. Check the details of your listings and confirm them on your own pages.',
     '2026-11-16 08:00:00+02');


CREATE TEMPORARY TABLE news_demo_summary (id bigint, summary_fi text, summary_sv text, summary_en text);
INSERT INTO news_demo_summary VALUES
    (1, 'Hakemisto on uudistunut: toimintaa voi nyt etsiä kunnan, kielen, kohderyhmän ja toimintamuodon mukaan.',
        'Katalogen har förnyats: nu kan du söka verksamhet enligt kommun, språk, målgrupp och verksamhetsform.',
        'The directory has been renewed: search for activities by municipality, language, target group and form of activity.'),
    (2, 'Ilmoita kesäleirit, retket ja puistojen kielikerhot hyvissä ajoin.',
        'Anmäl sommarläger, utflykter och språkklubbar i parkerna i god tid.',
        'List summer camps, excursions and language clubs in parks well in advance.'),
    (3, 'Syksyllä alkaa useita uusia kielikerhoja kirjastoissa ja kohtaamispaikoissa.',
        'I höst startar flera nya språkklubbar på bibliotek och mötesplatser.',
        'Several new language clubs start this autumn in libraries and meeting places.'),
    (4, 'Maksuton verkkokoulutus lokakuussa: näin kirjoitat selkeän ja saavutettavan ilmoituksen.', NULL, NULL),
    (5, 'Vahvista ilmoituksesi ajantasaisiksi vähintään kerran vuodessa, muuten ne arkistoituvat.',
        'Bekräfta att dina anmälningar är aktuella minst en gång om året, annars arkiveras de.',
        'Confirm your listings as up to date at least once a year, or they are archived.');

INSERT INTO news (id, state, published_version, latest_version, decided_version, created_at,
                  updated_at, published_at, confirmed_at, created_by, decided_at, decided_by)
SELECT id, 'published', 1, 1, 1, published_at, published_at, published_at, published_at, 1,
       published_at, 1
  FROM news_demo_legacy;
INSERT INTO news_versions (news_id, version, created_at, created_by, title_fi, title_sv, title_en,
                           summary_fi, summary_sv, summary_en, body_fi, body_sv, body_en)
SELECT l.id, 1, l.published_at, 1, l.title_fi, l.title_sv, l.title_en, s.summary_fi,
       s.summary_sv, s.summary_en, l.body_fi, l.body_sv, l.body_en
  FROM news_demo_legacy l JOIN news_demo_summary s ON s.id = l.id;

-- 6: about the fair of event 2, with links
INSERT INTO news (id, state, published_version, latest_version, decided_version, created_at,
                  updated_at, published_at, confirmed_at, created_by, decided_at, decided_by)
VALUES (6, 'published', 1, 1, 1, now() - interval '3 days', now() - interval '3 days',
        now() - interval '3 days', now() - interval '3 days', 1, now() - interval '3 days', 1);
INSERT INTO news_versions (news_id, version, created_at, created_by, title_fi, title_sv, title_en,
                           summary_fi, summary_sv, summary_en, body_fi, body_sv, body_en,
                           related_event_id)
VALUES (6, 1, now() - interval '3 days', 1,
        'Järjestötori kokoaa järjestöt ja TE-toimiston asiantuntijat',
        'Organisationstorget samlar organisationer och TE-byråns experter',
        'An organisations'' fair brings organisations and employment office experts together',
        'Järjestöt voivat esitellä kotoutumista tukevaa toimintaansa TE-toimiston asiantuntijoille. Ilmoittaudu esittelijäksi ajoissa.',
        'Organisationer kan presentera sin integrationsstödjande verksamhet för TE-byråns experter. Anmäl dig i god tid.',
        'Organisations can present their integration work to experts of the employment office. Sign up in good time.',
        'Järjestötorilla TE-toimiston asiantuntijat tutustuvat lähialueen järjestöjen toimintaan, johon he voivat ohjata asiakkaitaan. Järjestöt esittäytyvät esittelypisteillä ja lyhyillä puheenvuoroilla.' || E'\n\n' ||
        'Esittelijäksi ilmoittaudutaan järjestäjän [ilmoittautumissivulla](https://example.org/jarjestotori/ilmoittaudu). Lisätietoa tapahtumasta saat [hankkeen sivuilta](https://example.org/jarjestotori).' || E'\n\n' ||
        'Tervetuloa mukaan!',
        'På organisationstorget bekantar sig TE-byråns experter med organisationernas verksamhet i närområdet, dit de kan hänvisa sina kunder. Organisationerna presenterar sig vid montrar och i korta anföranden.' || E'\n\n' ||
        'Anmäl dig som utställare på arrangörens [anmälningssida](https://example.org/jarjestotori/ilmoittaudu).',
        'At the fair, experts of the employment office get to know the activities of organisations in the area, to which they can refer their clients. Organisations present themselves at stands and in short talks.' || E'\n\n' ||
        'Sign up as an exhibitor on the organiser''s [registration page](https://example.org/jarjestotori/ilmoittaudu).',
        2);

-- 7: about project 26, in Finnish and English
INSERT INTO news (id, state, published_version, latest_version, decided_version, created_at,
                  updated_at, published_at, confirmed_at, created_by, decided_at, decided_by)
VALUES (7, 'published', 1, 1, 1, now() - interval '12 days', now() - interval '12 days',
        now() - interval '12 days', now() - interval '12 days', 1, now() - interval '12 days', 1);
INSERT INTO news_versions (news_id, version, created_at, created_by, title_fi, title_en,
                           summary_fi, summary_en, body_fi, body_en, related_project_id)
VALUES (7, 1, now() - interval '12 days', 1,
        'Hankkeen oppaat järjestöjen ja viranomaisten yhteistyöhön',
        'The project''s guides to cooperation between organisations and authorities',
        'Järjestöistä voimaa kotoutumiseen -hankkeen oppaat kertovat, miten järjestöt ja viranomaiset voivat tukea kotoutumista yhdessä.',
        'The guides of the project Strength from organisations for integration tell how organisations and authorities can support integration together.',
        'Hanke kokosi kokemuksia järjestötoreista ja yhteisistä koulutuksista. Oppaissa on vinkkejä esimerkiksi siihen, miten asiakkaan voi ohjata järjestön toimintaan.' || E'\n\n' ||
        'Lue oppaat [hankkeen sivuilta](https://example.org/hanke/oppaat).',
        'The project gathered experiences of organisations'' fairs and joint trainings. The guides give tips, for example on how to refer a client to an organisation''s activities.' || E'\n\n' ||
        'Read the guides on [the project''s site](https://example.org/hanke/oppaat).',
        26);

-- 8: scheduled for two weeks from now, 9.00 Helsinki time
INSERT INTO news (id, state, published_version, latest_version, decided_version, created_at,
                  updated_at, published_at, confirmed_at, created_by, decided_at, decided_by)
VALUES (8, 'scheduled', 1, 1, 1, now() - interval '1 day', now() - interval '1 day',
        ((now() AT TIME ZONE 'Europe/Helsinki')::date + 14 + time '09:00')
            AT TIME ZONE 'Europe/Helsinki',
        now() - interval '1 day', 1, now() - interval '1 day', 1);
INSERT INTO news_versions (news_id, version, created_at, created_by, title_fi, title_sv, title_en,
                           summary_fi, summary_sv, summary_en, body_fi, body_sv, body_en)
VALUES (8, 1, now() - interval '1 day', 1,
        'Palvelun käyttökatko huoltotöiden vuoksi',
        'Avbrott i tjänsten på grund av underhåll',
        'Service break for maintenance',
        'Palvelu on poissa käytöstä huoltotöiden ajan aamulla kello 6–7.',
        'Tjänsten är ur bruk under underhållet på morgonen klockan 6–7.',
        'The service is unavailable during maintenance in the morning from 6 to 7 am.',
        'Teemme palveluun huoltotöitä. Huollon aikana hakua ja ilmoitusten muokkaamista ei voi käyttää. Pahoittelemme häiriötä.',
        'Vi gör underhållsarbeten i tjänsten. Under underhållet går det inte att söka eller redigera anmälningar. Vi beklagar störningen.',
        'We are carrying out maintenance on the service. During it, search and editing listings are unavailable. We apologise for the inconvenience.');

-- 900: withdrawn (it had wrong dates)
INSERT INTO news (id, state, published_version, latest_version, decided_version, created_at,
                  updated_at, published_at, confirmed_at, created_by, decided_at, decided_by,
                  archived_at, archive_reason)
VALUES (900, 'archived', 1, 1, 1, now() - interval '20 days', now() - interval '20 days',
        now() - interval '20 days', now() - interval '20 days', 1, now() - interval '20 days', 1,
        now() - interval '19 days', 'withdrawn');
INSERT INTO news_versions (news_id, version, created_at, created_by, title_fi, summary_fi, body_fi)
VALUES (900, 1, now() - interval '20 days', 1, 'Kevään koulutuspäivät',
        'Kevään koulutuspäivien ohjelma on julkaistu.',
        'Koulutuspäivien ohjelma on julkaistu. Ilmoittautuminen alkaa pian.');

-- 901: a draft, begun and left
INSERT INTO news (id, state, latest_version, created_at, updated_at, created_by)
VALUES (901, 'draft', 1, now() - interval '2 days', now() - interval '2 days', 1);
INSERT INTO news_versions (news_id, version, created_at, created_by, title_fi, body_fi)
VALUES (901, 1, now() - interval '2 days', 1, 'Luonnos: syksyn verkostotapaamiset',
        'Kokoamme tähän syksyn verkostotapaamiset, kun päivämäärät varmistuvat.');

-- 902: public in version 1, an edit waiting as version 2
INSERT INTO news (id, state, published_version, latest_version, decided_version, created_at,
                  updated_at, published_at, confirmed_at, created_by, decided_at, decided_by,
                  revision)
VALUES (902, 'draft', 1, 2, 1, now() - interval '6 days', now() - interval '6 days',
        now() - interval '6 days', now() - interval '6 days', 1, now() - interval '6 days', 1, 2);
INSERT INTO news_versions (news_id, version, created_at, created_by, title_fi, title_sv, title_en,
                           summary_fi, summary_sv, summary_en, body_fi, body_sv, body_en,
                           related_organisation_id)
VALUES (902, 1, now() - interval '6 days', 1,
        'Uusia järjestöjä mukaan palveluun', 'Nya organisationer med i tjänsten',
        'New organisations join the service',
        'Palveluun on rekisteröitynyt syksyn aikana useita uusia järjestöjä ja seurakuntia.',
        'Flera nya organisationer och församlingar har registrerat sig i tjänsten under hösten.',
        'Several new organisations and parishes have registered in the service this autumn.',
        'Palveluun on rekisteröitynyt syksyn aikana useita uusia järjestöjä ja seurakuntia. Tervetuloa!',
        'Flera nya organisationer och församlingar har registrerat sig i tjänsten under hösten. Välkomna!',
        'Several new organisations and parishes have registered in the service this autumn. Welcome!',
        26),
       (902, 2, now() - interval '1 day', 1,
        'Uusia järjestöjä ja seurakuntia mukaan palveluun', 'Nya organisationer med i tjänsten',
        'New organisations join the service',
        'Palveluun on rekisteröitynyt syksyn aikana kymmenen uutta järjestöä ja seurakuntaa.',
        'Flera nya organisationer och församlingar har registrerat sig i tjänsten under hösten.',
        'Several new organisations and parishes have registered in the service this autumn.',
        'Palveluun on rekisteröitynyt syksyn aikana kymmenen uutta järjestöä ja seurakuntaa. Tervetuloa!',
        'Flera nya organisationer och församlingar har registrerat sig i tjänsten under hösten. Välkomna!',
        'Several new organisations and parishes have registered in the service this autumn. Welcome!',
        26);

-- What the audit log shows of them.
INSERT INTO audit_log (at, actor_id, action, object_type, object_id, version) VALUES
    (now() - interval '20 days', 1, 'news.publish', 'news', 900, 1),
    (now() - interval '19 days', 1, 'news.withdraw', 'news', 900, 1),
    (now() - interval '12 days', 1, 'news.publish', 'news', 7, 1),
    (now() - interval '6 days', 1, 'news.publish', 'news', 902, 1),
    (now() - interval '3 days', 1, 'news.publish', 'news', 6, 1),
    (now() - interval '1 day', 1, 'news.schedule', 'news', 8, 1);

DROP TABLE news_demo_legacy, news_demo_summary;
SELECT setval(pg_get_serial_sequence('news', 'id'), 999);
