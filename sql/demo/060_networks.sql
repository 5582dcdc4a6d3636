-- Demo networks (sql/020_networks.sql; issue 12 item 4):
--   1    Maahanmuuttajajärjestöt Kymenlaaksossa, the network of seed 004 (its facts: who it is
--        for, what it does, resources, gains, evaluation; the contact person replaced by an
--        example one), coordinated by organisation 40, members 41 and 42; Finnish and English
--   2    a national network coordinated by organisation 1, five members and one pending
--        request to join (organisation 20), in Finnish, Swedish and English
--   3    organisation 1's, submitted (in the moderation queue)
--   4    organisation 1's draft (public answer 404)
--   900  organisation 1's, archived (public answer 410)
-- Organisations 40-42 are Kymenlaakso associations made up for the demo; user 60
-- (verkosto@example.org, password demo-salasana-2026) is the main user of organisation 40.
BEGIN;

INSERT INTO organisations (id, name, type, business_id, registry_number, municipality_code,
                           website, description_fi, description_en, status, created_at,
                           approved_at, updated_at) VALUES
    (40, 'Kotkan Monikulttuurikeskus ry', 'association', '9900400-0', '100.240', '285',
     'https://example.org/org-40',
     'Monikulttuurikeskus on matalan kynnyksen kohtaamispaikka Kotkassa: neuvontaa, kerhoja ja yhteistä tekemistä kaikille.',
     'The multicultural centre is a low-threshold meeting place in Kotka: guidance, clubs and things to do together, open to all.',
     'approved', '2026-02-01 09:00:00+02', '2026-02-02 12:00:00+02', '2026-02-02 12:00:00+02'),
    (41, 'Kouvolan Kansainvälinen Kohtaamispaikka ry', 'association', '9900410-7', '100.241',
     '286', 'https://example.org/org-41',
     'Kohtaamispaikka järjestää Kouvolassa digineuvontaa, suomen kielen keskusteluryhmiä ja perhetoimintaa.',
     NULL, 'approved', '2026-02-03 09:00:00+02', '2026-02-04 12:00:00+02',
     '2026-02-04 12:00:00+02'),
    (42, 'Haminan Monikulttuuriyhdistys ry', 'association', '9900420-3', '100.242', '075',
     'https://example.org/org-42',
     'Yhdistys tuo haminalaisia yhteen retkillä, kulttuuritapahtumilla ja nuorten toiminnalla.',
     NULL, 'approved', '2026-02-05 09:00:00+02', '2026-02-06 12:00:00+02',
     '2026-02-06 12:00:00+02');

INSERT INTO users (id, email, first_name, last_name, phone, password_hash, email_verified_at,
                   lang, terms_accepted_at, created_at) VALUES
    (60, 'verkosto@example.org', 'Veera', 'Verkostokoordinaattori', NULL,
     '$2y$11$voFCac55yKt064WiR3w/v.eBH5Em3VCatZzmokCqsAivbXERcMriO',
     '2026-02-01 09:00:00+02', 'fi', '2026-02-01 09:00:00+02', '2026-02-01 09:00:00+02');
INSERT INTO memberships (user_id, organisation_id, role, status, created_at, decided_at) VALUES
    (60, 40, 'main', 'active', '2026-02-01 09:00:00+02', '2026-02-01 09:00:00+02');

-- The listings: the lifecycle columns as the engine leaves them.
INSERT INTO networks (id, organisation_id, state, published_version, latest_version, created_at,
                      updated_at, published_at, archived_at, archive_reason, confirmed_at,
                      created_by, submitted_at, submitted_by, decided_version, decided_at,
                      decided_by) VALUES
    (1, 40, 'published', 1, 1, now() - interval '40 days', now() - interval '30 days',
     now() - interval '30 days', NULL, NULL, now() - interval '30 days', 60,
     now() - interval '31 days', 60, 1, now() - interval '30 days', 1),
    (2, 1, 'published', 1, 1, now() - interval '60 days', now() - interval '50 days',
     now() - interval '50 days', NULL, NULL, now() - interval '50 days', 2,
     now() - interval '51 days', 2, 1, now() - interval '50 days', 1),
    (3, 1, 'submitted', NULL, 1, now() - interval '3 days', now() - interval '2 days', NULL,
     NULL, NULL, now() - interval '3 days', 2, now() - interval '2 days', 2, NULL, NULL, NULL),
    (4, 1, 'draft', NULL, 1, now() - interval '1 day', now() - interval '1 day', NULL, NULL,
     NULL, now() - interval '1 day', 3, NULL, NULL, NULL, NULL, NULL),
    (900, 1, 'archived', 1, 1, now() - interval '400 days', now() - interval '20 days',
     now() - interval '390 days', now() - interval '20 days', 'organisation',
     now() - interval '390 days', 2, now() - interval '391 days', 2, 1,
     now() - interval '390 days', 1);

INSERT INTO network_versions (network_id, version, created_at, created_by, title_fi, title_sv,
                              title_en, description_fi, description_sv, description_en,
                              activities_fi, activities_sv, activities_en, resources_fi,
                              resources_sv, resources_en, benefits_fi, benefits_sv, benefits_en,
                              evaluation_fi, evaluation_sv, evaluation_en, area, region_code,
                              municipalities, audiences, contact_name, contact_email,
                              contact_phone, url, rules_confirmed) VALUES
    -- 1: seed 004
    (1, 1, now() - interval '31 days', 60,
     'Maahanmuuttajajärjestöt Kymenlaaksossa', NULL, 'Immigrant organisations in Kymenlaakso',
     'Asiakas hakeutuu monikulttuurikeskukseen useimmiten yksinäisyyden tai jonkin ongelmatilanteen vuoksi, oppimaan suomen kieltä ja digitaitoja tai osallistumaan muuhun toimintaan. Monikulttuurikeskuksesta tulee hänelle kotipesä ja tuttu yhteisö, josta hän saa keskusteluapua ja tukea omaan jaksamiseensa ja viihtymiseensä.'
     || E'\n\n' || 'Toiminta on kotoutumista edistävää ja matalan kynnyksen toimintaa: maksutonta, spontaania ja ilman ajanvarausta. Tila on turvallinen ja avoin kaikille, ei vain maahan muuttaneille.',
     NULL,
     'People most often come to a multicultural centre because they feel lonely or face a problem, to learn Finnish and digital skills, or to take part in other activities. The centre becomes a home base and a familiar community where they find someone to talk to and support for coping and feeling at home.'
     || E'\n\n' || 'The activities support integration and are low-threshold: free of charge, spontaneous and with no appointments. The space is safe and open to everyone, not only to immigrants.',
     'Matalan kynnyksen kohtaamispaikkatoiminta: digineuvonta, neuvonta, henkilökohtainen keskustelu, ohjaus ja opastus'
     || E'\n' || 'Vapaa-ajan- ja harrastustoiminta' || E'\n' || 'Hanketoiminta'
     || E'\n' || 'Eri kulttuurien tapahtumat ja retket; kaksisuuntainen kotoutuminen'
     || E'\n' || 'Yksilöohjaus' || E'\n' || 'Ryhmä- ja kerhotoiminta' || E'\n' || 'Nuoriso-ohjaus'
     || E'\n' || 'Kuntouttava työtoiminta (monikulttuurisuuskeskukset)'
     || E'\n' || 'Kunniaväkivallan ennaltaehkäisy'
     || E'\n' || 'Tiedotus, koulutus ja tuki kulttuuriasioissa maahanmuuttajien kanssa työskenteleville ammattilaisille ja vapaaehtoisille sekä muille järjestöille'
     || E'\n' || 'Tukea viranomaisten kanssa toimimiseen, arjen asiointiin ja tarvittaessa myös kotiin',
     NULL,
     'Low-threshold meeting places: digital help, guidance, personal conversations and counselling'
     || E'\n' || 'Leisure activities and hobbies' || E'\n' || 'Projects'
     || E'\n' || 'Events and excursions of different cultures; integration as a two-way process'
     || E'\n' || 'Individual guidance' || E'\n' || 'Groups and clubs' || E'\n' || 'Youth work'
     || E'\n' || 'Rehabilitative work activity (multicultural centres)'
     || E'\n' || 'Preventing honour-related violence'
     || E'\n' || 'Information, training and support on cultural matters for professionals and volunteers who work with immigrants, and for other organisations'
     || E'\n' || 'Support in dealing with authorities and in everyday errands, also at home when needed',
     'Toimintaa toteuttavat ammattilaiset, vapaaehtoiset ja vertaisohjaajat.'
     || E'\n' || 'Resurssit vaihtelevat rahoituksen mukaan: työllisyyspoliittiset avustukset ja kuntouttavan työtoiminnan sopimukset.'
     || E'\n' || 'Rahoitusta myös julkisen sektorin avustuksista ja hankerahoituksesta.'
     || E'\n' || 'Toimintaa voidaan järjestää myös ostopalveluna tai asiakasmaksuin.',
     NULL,
     'The work is done by professionals, volunteers and peer instructors.'
     || E'\n' || 'Resources vary with funding: employment policy grants and agreements on rehabilitative work activity.'
     || E'\n' || 'Funding also from public sector grants and project funding.'
     || E'\n' || 'Activities can also be arranged as purchased services or for a client fee.',
     'Hyvien väestösuhteiden luominen' || E'\n' || 'Kaksisuuntaisen kotoutumisen tukeminen'
     || E'\n' || 'Tuki arjen haasteisiin maahanmuuton alkuvaiheessa'
     || E'\n' || 'Asiakkaan voimavarojen lisääntyminen ja arjessa selviytyminen'
     || E'\n' || 'Eri kulttuurien ymmärtäminen ja rasismin torjunta',
     NULL,
     'Good relations between population groups' || E'\n' || 'Integration as a two-way process'
     || E'\n' || 'Support with everyday challenges in the first stage after moving to Finland'
     || E'\n' || 'More strength for clients and coping in everyday life'
     || E'\n' || 'Understanding of different cultures and fighting racism',
     'Työn laatua arvioidaan asiakas-, sidosryhmä- ja jäsenkyselyillä, järjestöjen omien laatukriteerien sekä toimintaa koskevien lakien perusteella.'
     || E'\n' || 'Työntekijät ovat päteviä ja noudattavat työssään oman organisaationsa arvoja.',
     NULL,
     'The quality of the work is assessed with surveys of clients, partners and members, with the organisations'' own quality criteria and against the laws that apply to the work.'
     || E'\n' || 'Staff are qualified and follow the values of their own organisation.',
     'region', '08', '{}',
     ARRAY['immigrants', 'asylum_seekers', 'students', 'families', 'professionals',
           'volunteers', 'organisations']::text[],
     'Kaisa Esimerkki', 'kymenlaakso.verkosto@example.org', '040 000 0000', NULL,
     ARRAY['network_relevant', 'network_coordinator', 'equality']::text[]),
    -- 2: national
    (2, 1, now() - interval '51 days', 2,
     'Kielikerhojen valtakunnallinen verkosto', 'Språkklubbarnas riksomfattande nätverk',
     'National network of language clubs',
     'Verkosto kokoaa yhteen järjestöt, seurakunnat ja oppilaitokset, jotka pitävät matalan kynnyksen suomen ja ruotsin kielen kerhoja. Jäsenet jakavat materiaaleja ja kokemuksia ja kehittävät vapaaehtoisten ohjaajien perehdytystä.',
     'Nätverket samlar organisationer, församlingar och läroanstalter som håller lågtröskliga språkklubbar i finska och svenska. Medlemmarna delar material och erfarenheter och utvecklar introduktionen för frivilliga ledare.',
     'The network brings together organisations, parishes and schools that run low-threshold Finnish and Swedish language clubs. Members share materials and experience and develop the induction of volunteer leaders.',
     'Verkostotapaamiset neljästi vuodessa' || E'\n' || 'Yhteinen materiaalipankki kerhojen ohjaajille'
     || E'\n' || 'Vapaaehtoisten ohjaajien perehdytyskoulutus' || E'\n' || 'Vertaistuki uusille kerhoille',
     'Nätverksträffar fyra gånger om året' || E'\n' || 'En gemensam materialbank för klubbledare'
     || E'\n' || 'Introduktionsutbildning för frivilliga ledare' || E'\n' || 'Kamratstöd för nya klubbar',
     'Network meetings four times a year' || E'\n' || 'A shared bank of materials for club leaders'
     || E'\n' || 'Induction training for volunteer leaders' || E'\n' || 'Peer support for new clubs',
     'Koordinaattorin työaika ja jäsenten vapaaehtoistyö' || E'\n' || 'Tapaamistilat jäsenjärjestöiltä',
     'Koordinatorns arbetstid och medlemmarnas frivilliga arbete' || E'\n' || 'Mötesrum av medlemsorganisationerna',
     'The coordinator''s working time and the members'' voluntary work' || E'\n' || 'Meeting rooms from member organisations',
     'Valmiit materiaalit ja harjoitukset' || E'\n' || 'Koulutusta vapaaehtoisille' || E'\n' || 'Yhteistyökumppaneita eri puolilta Suomea',
     'Färdigt material och övningar' || E'\n' || 'Utbildning för frivilliga' || E'\n' || 'Samarbetspartner från olika delar av Finland',
     'Ready-made materials and exercises' || E'\n' || 'Training for volunteers' || E'\n' || 'Partners from around Finland',
     'Kerhojen osallistujilta kerätään palautetta kerran vuodessa.',
     'Deltagarna i klubbarna ger respons en gång om året.',
     'Club participants give feedback once a year.',
     'national', NULL, '{}', ARRAY['immigrants', 'volunteers', 'organisations']::text[],
     'Kielikerhoverkoston koordinaattori', 'kielikerhot@example.org', NULL,
     'https://example.org/kielikerhot',
     ARRAY['network_relevant', 'network_coordinator', 'equality']::text[]),
    -- 3: waiting for review
    (3, 1, now() - interval '2 days', 2,
     'Pääkaupunkiseudun vertaisohjaajien verkosto', NULL, NULL,
     'Vertaisohjaajina toimivien maahan muuttaneiden verkosto Helsingissä, Espoossa ja Vantaalla.',
     NULL, NULL,
     'Vertaisohjaajien tapaamiset kuukausittain' || E'\n' || 'Työnohjaus ryhmässä', NULL, NULL,
     NULL, NULL, NULL, 'Tukea ja koulutusta vertaisohjaajille', NULL, NULL, NULL, NULL, NULL,
     'municipalities', NULL, ARRAY['091', '049', '092']::text[],
     ARRAY['immigrants', 'volunteers']::text[],
     'Vertaisverkoston yhteyshenkilö', 'vertaiset@example.org', NULL, NULL,
     ARRAY['network_relevant', 'network_coordinator', 'equality']::text[]),
    -- 4: a draft
    (4, 1, now() - interval '1 day', 3, 'Perhetoiminnan verkosto (luonnos)', NULL, NULL,
     NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     NULL, NULL, '{}', '{}', NULL, NULL, NULL, NULL, NULL),
    -- 900: archived
    (900, 1, now() - interval '391 days', 2, 'Kotoutumishankkeiden verkosto 2024', NULL, NULL,
     'Päättyneiden kotoutumishankkeiden yhteinen verkosto.', NULL, NULL,
     'Hankkeiden yhteiset tapaamiset', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     NULL, NULL, 'national', NULL, '{}', ARRAY['professionals']::text[],
     'Hankeverkoston yhteyshenkilö', 'hankkeet@example.org', NULL, NULL,
     ARRAY['network_relevant', 'network_coordinator', 'equality']::text[]);

-- Members: 41 and 42 in the Kymenlaakso network; five in the national one, and organisation
-- 20 (Luckan) asking to join it.
INSERT INTO network_members (network_id, organisation_id, status, requested_at, requested_by,
                             decided_at, decided_by) VALUES
    (1, 41, 'active', now() - interval '29 days', 60, now() - interval '29 days', 60),
    (1, 42, 'active', now() - interval '29 days', 60, now() - interval '29 days', 60),
    (2, 13, 'active', now() - interval '49 days', 2, now() - interval '49 days', 2),
    (2, 19, 'active', now() - interval '49 days', 2, now() - interval '49 days', 2),
    (2, 21, 'active', now() - interval '48 days', 2, now() - interval '48 days', 2),
    (2, 31, 'active', now() - interval '40 days', 2, now() - interval '40 days', 2),
    (2, 34, 'active', now() - interval '40 days', 2, now() - interval '40 days', 2),
    (2, 20, 'pending', now() - interval '2 days', NULL, NULL, NULL);

INSERT INTO audit_log (at, actor_id, action, object_type, object_id, version, reason) VALUES
    (now() - interval '31 days', 60, 'network.submit', 'network', 1, 1, NULL),
    (now() - interval '30 days', 1, 'network.approve', 'network', 1, 1, NULL),
    (now() - interval '29 days', 60, 'network.member_add', 'network', 1, NULL,
     'Kouvolan Kansainvälinen Kohtaamispaikka ry'),
    (now() - interval '29 days', 60, 'network.member_add', 'network', 1, NULL,
     'Haminan Monikulttuuriyhdistys ry'),
    (now() - interval '51 days', 2, 'network.submit', 'network', 2, 1, NULL),
    (now() - interval '50 days', 1, 'network.approve', 'network', 2, 1, NULL),
    (now() - interval '2 days', NULL, 'network.join_request', 'network', 2, NULL, 'Luckan r.f.'),
    (now() - interval '2 days', 2, 'network.submit', 'network', 3, 1, NULL);

DO $$
BEGIN
    PERFORM setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
    PERFORM setval(pg_get_serial_sequence('organisations', 'id'),
                   (SELECT max(id) FROM organisations));
    PERFORM setval(pg_get_serial_sequence('networks', 'id'), (SELECT max(id) FROM networks));
END
$$;

COMMIT;
