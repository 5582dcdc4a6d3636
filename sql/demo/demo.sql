-- Demo data for mod_kotoutuminen: loaded by `make run` and the test harness into an empty
-- database after the migrations (and after tools/kt-iso639-sql has filled `languages`).
-- Ids are explicit and fixed: tests rely on the conventions in HACKING.md ("Demo data
-- conventions"); the sequences are moved past them at the end.
--
-- Organisation and project names, owners, periods and EU grants are public facts from the
-- seed documents (../shared/seeds/001_*, 002_*).  Descriptions, activities, news, addresses
-- and people are written for the demo.  Contact persons are fictional (example.org /
-- example.fi addresses).  Organisations 22-24, 31-34 and 90 are invented; 25-30 (parishes,
-- a religious community, a chamber of commerce, a wellbeing services county) are real bodies
-- not named in the seeds, used only as examples of their organisation types.  All activities
-- attributed to any organisation are invented.
--
-- BUSINESS IDS ARE ILLUSTRATIVE, NOT THE ORGANISATIONS' REAL ONES: they all start with 9 so
-- that they cannot be mistaken for (or collide with) a real Y-tunnus, and each has a valid
-- check digit (weights 7,9,10,5,8,4,2; sum mod 11; 0 -> 0, 1 never used, else 11 - rest).

BEGIN;

-- Organisations: 1-34 approved, 90 pending approval (public answer 404).
INSERT INTO organisations (id, name, type, business_id, registry_number, municipality_code, website,
                           description_fi, description_sv, description_en, status,
                           created_at, approved_at, updated_at) VALUES
    (1, 'Kirkon ulkomaanavun säätiö', 'foundation', '9010007-1', NULL, '091', 'https://example.org/org-1',
     'Säätiö tekee kehitysyhteistyötä ja tukee Suomessa kotoutumista muun muassa matalan kynnyksen kielikerhoilla.',
     'Stiftelsen arbetar med utvecklingssamarbete och stöder integration i Finland bland annat med lättillgängliga språkklubbar.',
     'The foundation works in development cooperation and supports integration in Finland, for example with low-threshold language clubs.',
     'approved', '2026-01-10 09:13:00+02', '2026-01-11 12:13:00+02', '2026-01-11 12:13:00+02'),
    (2, 'Helsingin kaupunki', 'municipality', '9020014-4', NULL, '091', 'https://example.org/org-2',
     'Helsingin kaupunki järjestää kotoutumista tukevaa toimintaa yhdessä järjestöjen kanssa eri puolilla kaupunkia.',
     'Helsingfors stad ordnar verksamhet som stöder integration tillsammans med organisationer i olika delar av staden.',
     'The City of Helsinki organises integration support activities together with NGOs across the city.',
     'approved', '2026-01-12 09:26:00+02', '2026-01-13 12:26:00+02', '2026-01-13 12:26:00+02'),
    (3, 'Espoon kaupunki', 'municipality', '9030021-7', NULL, '049', 'https://example.org/org-3',
     NULL,
     NULL,
     NULL,
     'approved', '2026-01-14 09:39:00+02', '2026-01-15 12:39:00+02', '2026-01-15 12:39:00+02'),
    (4, 'Kauniaisten kaupunki', 'municipality', '9040028-5', NULL, '235', 'https://example.org/org-4',
     NULL,
     NULL,
     NULL,
     'approved', '2026-01-16 09:52:00+02', '2026-01-17 12:52:00+02', '2026-01-17 12:52:00+02'),
    (5, 'Tampereen ammattikorkeakoulu', 'educational_institution', '9050035-8', NULL, '837', 'https://example.org/org-5',
     'Ammattikorkeakoulu kehittää opiskelijoiden ja kumppaneiden kanssa maahan muuttaneiden terveyttä ja osallisuutta tukevia toimintamalleja.',
     NULL,
     'The university of applied sciences develops, with students and partners, ways to support the health and participation of immigrants.',
     'approved', '2026-01-18 10:05:00+02', '2026-01-19 13:05:00+02', '2026-01-19 13:05:00+02'),
    (6, 'Åbo Akademi', 'educational_institution', '9060042-0', NULL, '853', 'https://example.org/org-6',
     NULL,
     NULL,
     NULL,
     'approved', '2026-01-20 10:18:00+02', '2026-01-21 13:18:00+02', '2026-01-21 13:18:00+02'),
    (7, 'Orimattilan kaupunki', 'municipality', '9070049-9', NULL, '560', 'https://example.org/org-7',
     NULL,
     NULL,
     NULL,
     'approved', '2026-01-22 10:31:00+02', '2026-01-23 13:31:00+02', '2026-01-23 13:31:00+02'),
    (8, 'Hämeenlinnan kaupunki', 'municipality', '9080056-1', NULL, '109', 'https://example.org/org-8',
     NULL,
     NULL,
     NULL,
     'approved', '2026-01-24 10:44:00+02', '2026-01-25 13:44:00+02', '2026-01-25 13:44:00+02'),
    (9, 'Terveyden ja hyvinvoinnin laitos', 'state_agency', '9090063-4', NULL, '091', 'https://example.org/org-9',
     NULL,
     NULL,
     NULL,
     'approved', '2026-01-26 10:57:00+02', '2026-01-27 13:57:00+02', '2026-01-27 13:57:00+02'),
    (10, 'Hyvinkään kaupunki', 'municipality', '9100071-8', NULL, '106', 'https://example.org/org-10',
     NULL,
     NULL,
     NULL,
     'approved', '2026-01-28 11:10:00+02', '2026-01-29 14:10:00+02', '2026-01-29 14:10:00+02'),
    (11, 'Vihdin kunta', 'municipality', '9110077-8', NULL, '927', 'https://example.org/org-11',
     NULL,
     NULL,
     NULL,
     'approved', '2026-01-30 11:23:00+02', '2026-01-31 14:23:00+02', '2026-01-31 14:23:00+02'),
    (12, 'Jyväskylän kaupunki', 'municipality', '9120084-0', NULL, '179', 'https://example.org/org-12',
     NULL,
     NULL,
     NULL,
     'approved', '2026-02-01 11:36:00+02', '2026-02-02 14:36:00+02', '2026-02-02 14:36:00+02'),
    (13, 'Pelastakaa Lapset ry', 'association', '9130091-3', NULL, '091', 'https://example.org/org-13',
     'Lastensuojelujärjestö, joka tukee lapsia ja perheitä muun muassa vapaaehtoisten tukiperheiden avulla.',
     'Barnskyddsorganisation som stöder barn och familjer bland annat genom frivilliga stödfamiljer.',
     'A child welfare organisation supporting children and families, for example through volunteer support families.',
     'approved', '2026-02-03 11:49:00+02', '2026-02-04 14:49:00+02', '2026-02-04 14:49:00+02'),
    (14, 'Uudenmaan ELY-keskus', 'state_agency', '9140098-1', NULL, '091', 'https://example.org/org-14',
     NULL,
     NULL,
     NULL,
     'approved', '2026-02-05 12:02:00+02', '2026-02-06 15:02:00+02', '2026-02-06 15:02:00+02'),
    (15, 'Turun ammattikorkeakoulu', 'educational_institution', '9150105-3', NULL, '853', 'https://example.org/org-15',
     NULL,
     NULL,
     NULL,
     'approved', '2026-02-07 12:15:00+02', '2026-02-08 15:15:00+02', '2026-02-08 15:15:00+02'),
    (16, 'Lahden ammattikorkeakoulu', 'educational_institution', '9160112-6', NULL, '398', 'https://example.org/org-16',
     NULL,
     NULL,
     NULL,
     'approved', '2026-02-09 12:28:00+02', '2026-02-10 15:28:00+02', '2026-02-10 15:28:00+02'),
    (17, 'Pudasjärven kaupunki', 'municipality', '9170119-4', NULL, '615', 'https://example.org/org-17',
     NULL,
     NULL,
     NULL,
     'approved', '2026-02-11 12:41:00+02', '2026-02-12 15:41:00+02', '2026-02-12 15:41:00+02'),
    (18, 'Maahanmuuttovirasto', 'state_agency', '9180126-7', NULL, '091', 'https://example.org/org-18',
     NULL,
     NULL,
     NULL,
     'approved', '2026-02-13 12:54:00+02', '2026-02-14 15:54:00+02', '2026-02-14 15:54:00+02'),
    (19, 'Suomen Punaisen Ristin Helsingin ja Uudenmaan piiri', 'association', '9190134-8', NULL, '091', 'https://example.org/org-19',
     'Piirin vapaaehtoiset järjestävät kohtaamispaikkoja, tukipuhelinta ja ystävätoimintaa pääkaupunkiseudulla ja Uudellamaalla.',
     'Distriktets frivilliga ordnar mötesplatser, stödtelefon och vänverksamhet i huvudstadsregionen och Nyland.',
     'The district''s volunteers run meeting places, a support line and befriending activities in the capital region and Uusimaa.',
     'approved', '2026-02-15 13:07:00+02', '2026-02-16 16:07:00+02', '2026-02-16 16:07:00+02'),
    (20, 'Luckan r.f.', 'association', '9200140-5', '100.201', '091', 'https://example.org/org-20',
     'Ruotsinkielinen kulttuuri- ja neuvontakeskus, joka järjestää myös työnhakijoiden vertaisryhmiä ja työpajoja.',
     'Finlandssvenskt kultur- och informationscenter som också ordnar kamratgrupper och workshoppar för arbetssökande.',
     'A Swedish-speaking culture and information centre that also runs peer groups and workshops for jobseekers.',
     'approved', '2026-02-17 13:20:00+02', '2026-02-18 16:20:00+02', '2026-02-18 16:20:00+02'),
    (21, 'Seltementti Tampere ry', 'association', '9210147-3', '100.202', '837', 'https://example.org/org-21',
     NULL,
     NULL,
     NULL,
     'approved', '2026-02-19 13:33:00+02', '2026-02-20 16:33:00+02', '2026-02-20 16:33:00+02'),
    (22, 'Monikulttuuriyhdistys Kompassi ry', 'association', '9220154-6', '100.203', '285', 'https://example.org/org-22',
     'Kotkalainen yhdistys, joka ylläpitää monikulttuurista kohtaamispaikkaa ja järjestää retkiä ja neuvontaa.',
     'Förening i Kotka som driver en mångkulturell mötesplats och ordnar utflykter och rådgivning.',
     'An association in Kotka running a multicultural meeting place, excursions and advice.',
     'approved', '2026-02-21 13:46:00+02', '2026-02-22 16:46:00+02', '2026-02-22 16:46:00+02'),
    (23, 'Oulun Kansainvälinen Olohuone ry', 'association', '9230161-9', '100.204', '564', 'https://example.org/org-23',
     NULL,
     NULL,
     NULL,
     'approved', '2026-02-23 13:59:00+02', '2026-02-24 16:59:00+02', '2026-02-24 16:59:00+02'),
    (24, 'Föreningen Mötesplats Vasa rf', 'association', '9240168-7', '100.205', '905', 'https://example.org/org-24',
     'Vaasalainen yhdistys, joka järjestää kielikahviloita ja läksyapua ruotsiksi ja suomeksi.',
     'Förening i Vasa som ordnar språkcaféer och läxhjälp på svenska och finska.',
     'An association in Vaasa running language cafés and homework help in Swedish and Finnish.',
     'approved', '2026-02-25 14:12:00+02', '2026-02-26 17:12:00+02', '2026-02-26 17:12:00+02'),
    (25, 'Espoon tuomiokirkkoseurakunta', 'lutheran_parish', '9250176-8', NULL, '049', 'https://example.org/org-25',
     NULL,
     NULL,
     NULL,
     'approved', '2026-02-27 14:25:00+02', '2026-02-28 17:25:00+02', '2026-02-28 17:25:00+02'),
    (26, 'Helsingin ortodoksinen seurakunta', 'orthodox_parish', '9260182-2', NULL, '091', 'https://example.org/org-26',
     NULL,
     NULL,
     NULL,
     'approved', '2026-03-01 14:38:00+02', '2026-03-02 17:38:00+02', '2026-03-02 17:38:00+02'),
    (27, 'Tampereen Vapaaseurakunta', 'religious_community', '9270189-0', NULL, '837', 'https://example.org/org-27',
     NULL,
     NULL,
     NULL,
     'approved', '2026-03-03 14:51:00+02', '2026-03-04 17:51:00+02', '2026-03-04 17:51:00+02'),
    (28, 'Oulun kauppakamari', 'chamber_of_commerce', '9280196-3', NULL, '564', 'https://example.org/org-28',
     NULL,
     NULL,
     NULL,
     'approved', '2026-03-05 15:04:00+02', '2026-03-06 18:04:00+02', '2026-03-06 18:04:00+02'),
    (29, 'Pirkanmaan hyvinvointialue', 'wellbeing_county', '9290203-5', NULL, '837', 'https://example.org/org-29',
     NULL,
     NULL,
     NULL,
     'approved', '2026-03-07 15:17:00+02', '2026-03-08 18:17:00+02', '2026-03-08 18:17:00+02'),
    (30, 'Grankulla svenska församling', 'lutheran_parish', '9300210-0', NULL, '235', 'https://example.org/org-30',
     NULL,
     NULL,
     NULL,
     'approved', '2026-03-09 15:30:00+02', '2026-03-10 18:30:00+02', '2026-03-10 18:30:00+02'),
    (31, 'Monikulttuuriyhdistys Silta ry', 'association', '9310217-9', '100.206', '853', 'https://example.org/org-31',
     NULL,
     NULL,
     NULL,
     'approved', '2026-03-11 15:43:00+02', '2026-03-12 18:43:00+02', '2026-03-12 18:43:00+02'),
    (32, 'Jyväskylän Kansainväliset Perheet ry', 'association', '9320224-1', '100.207', '179', 'https://example.org/org-32',
     NULL,
     NULL,
     NULL,
     'approved', '2026-03-13 15:56:00+02', '2026-03-14 18:56:00+02', '2026-03-14 18:56:00+02'),
    (33, 'Lahden Kansainvälinen Kohtaamispaikka ry', 'association', '9330231-4', '100.208', '398', 'https://example.org/org-33',
     NULL,
     NULL,
     NULL,
     'approved', '2026-03-15 16:09:00+02', '2026-03-16 19:09:00+02', '2026-03-16 19:09:00+02'),
    (34, 'Vantaan Monikulttuuriset Naiset ry', 'association', '9340238-2', '100.209', '092', 'https://example.org/org-34',
     NULL,
     NULL,
     NULL,
     'approved', '2026-03-17 16:22:00+02', '2026-03-18 19:22:00+02', '2026-03-18 19:22:00+02'),
    (90, 'Uusi Alku – Ny Start ry', 'association', '9900630-5', '100.290', '092', 'https://example.org/org-90',
     'Vastaperustettu yhdistys, joka haluaa järjestää kielikerhoja Vantaalla.',
     NULL,
     NULL,
     'pending', '2026-11-20 14:05:00+02', NULL, '2026-11-20 14:05:00+02');

-- Projects: AMIF projects of seed 001 (national objectives 2.2 and 2.3 as the seed groups
-- them; the seed lists none under 2.1) and the seed 002 project (id 26).
-- project 18: seed 001 gives the end as 30.9.2012, before the start: read as 30.9.2021
-- project 22: seed 001 gives the start as 1.0.2018, an impossible date: read as 1.10.2018
-- project 26: seed 002: 5/2017-1/2019, coordinated by the Uusimaa ELY Centre, AMIF-funded; the month is given, so the first and last day of those months; the grant and national objective are not stated
-- Projects are a kind of listing since sql/019_projects.sql: the rows below are read into a
-- table of this session and become published projects with version 1 (after the list);
-- sql/demo/050_projects.sql adds the projects maintained in the service.
CREATE TEMPORARY TABLE project_demo_legacy (
    id bigint, organisation_id bigint, name text, start_date date, end_date date, funder text,
    eu_grant_eur numeric, national_objective text, description_fi text, description_sv text,
    description_en text, url text, created_at timestamptz);
INSERT INTO project_demo_legacy (id, organisation_id, name, start_date, end_date, funder,
                      eu_grant_eur, national_objective, description_fi, description_sv,
                      description_en, url, created_at) VALUES
    (1, 4, 'Yhteinen kuntamme', '2017-02-01', '2020-01-31', 'AMIF', 258695.00, '2.2 Kotoutuminen',
     'Kaksi pientä kuntaa kehitti yhdessä tapoja ottaa uudet asukkaat mukaan kunnan arkeen ja kolmannen sektorin toimintaan.',
     'Två små kommuner utvecklade tillsammans sätt att ta med nya invånare i kommunens vardag och i föreningslivet.',
     'Two small municipalities worked together on ways to involve new residents in local life and in civil society.',
     'https://example.org/hankkeet/yhteinen-kuntamme', '2026-01-20 11:00:00+02'),
    (2, 3, 'Kotona kaupungissa', '2017-02-28', '2019-12-31', 'AMIF', 427500.00, '2.2 Kotoutuminen',
     'Asumisvalmennus pakolaistaustaisille nuorille ja lapsiperheille: asunnon hakeminen, kodinhoito ja vuokralaisen oikeudet käytännön harjoittelun kautta.',
     'Boendekurs för unga och barnfamiljer med flyktingbakgrund: att söka bostad, sköta hemmet och hyresgästens rättigheter genom praktiska övningar.',
     'Housing coaching for young refugees and families with children: finding a flat, running a home and tenants'' rights, learned through practice.',
     NULL, '2026-01-20 12:00:00+02'),
    (3, 5, 'MATEAS', '2017-02-01', '2020-01-31', 'AMIF', 270000.00, '2.2 Kotoutuminen',
     'Hanke teki terveyspalveluista helpommin lähestyttäviä maahan muuttaneille ja koulutti ammattilaisia kulttuurisensitiiviseen työhön.',
     'Projektet gjorde hälsotjänsterna lättare att närma sig för invandrare och utbildade personal i kultursensitivt arbete.',
     'The project made health services easier to approach for immigrants and trained professionals in culturally sensitive work.',
     NULL, '2026-01-20 13:00:00+02'),
    (4, 6, 'Stig in! Astu sisään! Come In!', '2017-02-01', '2020-01-31', 'AMIF', 400000.00, '2.2 Kotoutuminen',
     'Kaksikielisten kuntien työntekijät jakoivat pakolaisten kotouttamisen osaamista kokouksissa, työpajoissa ja yhteisessä verkkoportaalissa.',
     'Anställda i tvåspråkiga kommuner delade kunnande om integration av flyktingar på möten, i workshoppar och i en gemensam webbportal.',
     'Staff of bilingual municipalities shared know-how on refugee integration through meetings, workshops and a shared web portal.',
     'https://example.org/hankkeet/stig-in', '2026-01-20 14:00:00+02'),
    (5, 7, 'Orimattilan kaupungin kotouttamishanke', '2017-02-28', '2020-02-27', 'AMIF', 157500.00, '2.2 Kotoutuminen',
     'Kaupunki valmistautui pakolaisten vastaanottoon ja rakensi järjestöjen kanssa alkuvaiheen kotoutumisen toimintamallin.',
     'Staden förberedde sig för att ta emot flyktingar och byggde tillsammans med organisationer upp en modell för den första tiden.',
     'The town prepared to receive refugees and built, with NGOs, a model for the first stage of integration.',
     NULL, '2026-01-20 15:00:00+02'),
    (6, 8, 'Myintegration.fi', '2017-02-28', '2019-12-31', 'AMIF', 307725.00, '2.2 Kotoutuminen',
     'Verkkopalvelu kokosi seudun kotoutumispalvelut yhteen ja tarjosi yhteiskuntatiedon verkkokurssin omaan tahtiin opiskeltavaksi.',
     'Webbtjänsten samlade regionens integrationstjänster och erbjöd en webbkurs i samhällskunskap att studera i egen takt.',
     'A web service that gathered the region''s integration services and offered a self-paced online course on Finnish society.',
     'https://example.org/hankkeet/myintegration', '2026-01-20 16:00:00+02'),
    (7, 9, 'Valtakunnalliset kulttuurisensitiiviset toimintakyvyn arviointimenetelmät ja mobiilisovellus alkukartoitukseen', '2017-02-28', '2019-12-31', 'AMIF', 260448.00, '2.2 Kotoutuminen',
     'Hanke kehitti kulttuurisensitiivisiä tapoja arvioida toimintakykyä kotoutumisen alussa sekä mobiilisovelluksen arvioinnin tueksi.',
     'Projektet utvecklade kultursensitiva sätt att bedöma funktionsförmåga i början av integrationen och en mobilapp som stöd.',
     'The project developed culturally sensitive ways to assess functional capacity early in integration, plus a mobile app to support it.',
     NULL, '2026-01-20 17:00:00+02'),
    (8, 2, 'Jane, jalkautuva neuvonta', '2018-03-01', '2020-02-29', 'AMIF', 629996.00, '2.2 Kotoutuminen',
     'Monikielistä neuvontaa ja palveluohjausta vietiin kauppakeskuksiin ja lähiöihin yhdessä järjestöjen ja kaupungin palveluiden kanssa.',
     'Flerspråkig rådgivning och servicehandledning fördes ut till köpcentrum och förorter tillsammans med organisationer och stadens tjänster.',
     'Multilingual advice and service guidance taken to shopping centres and suburbs together with NGOs and city services.',
     'https://example.org/hankkeet/jane', '2026-01-20 18:00:00+02'),
    (9, 1, 'Suomen kieli sanoo tervetuloa 2', '2018-04-02', '2021-03-31', 'AMIF', 141750.00, '2.2 Kotoutuminen',
     'Alkeissuomea opittiin kirjastoissa, leikkipuistoissa ja harrastuspaikoissa, ja samalla tutustuttiin vaikuttamisen ja demokratian kieleen.',
     'Grundläggande finska lärdes på bibliotek, i lekparker och på hobbyplatser, och samtidigt bekantade man sig med demokratins språk.',
     'Beginners'' Finnish learned in libraries, playgrounds and hobby venues, together with the language of democracy and participation.',
     'https://example.org/hankkeet/suomen-kieli-sanoo-tervetuloa', '2026-01-20 19:00:00+02'),
    (10, 5, 'Vertaisohjattu valmennusmalli maahanmuuttajille', '2018-04-01', '2020-12-31', 'AMIF', 210757.00, '2.2 Kotoutuminen',
     'Vertaistuettu perhevalmennus valmisti maahan muuttaneita vanhempia synnytykseen, vauvan hoitoon ja perheen arkeen.',
     'Kamratstödd familjeförberedelse förberedde invandrade föräldrar för förlossning, babyvård och familjens vardag.',
     'Peer-supported family coaching that prepared immigrant parents for childbirth, baby care and family life.',
     NULL, '2026-01-20 20:00:00+02'),
    (11, 10, 'Koti Hyvinkäällä', '2018-03-01', '2020-02-29', 'AMIF', 215132.00, '2.2 Kotoutuminen',
     'Kaupunki, järjestöt ja seurakunnat kokosivat yhteisen kotoutumisen paletin alkuvaiheen ohjauksen tueksi.',
     'Staden, organisationerna och församlingarna byggde tillsammans en helhet som stöder vägledningen i början.',
     'The town, NGOs and parishes put together a shared package of support for the first stage of integration.',
     NULL, '2026-01-20 21:00:00+02'),
    (12, 11, 'Resurssipankki', '2018-04-01', '2020-03-31', 'AMIF', 177277.00, '2.2 Kotoutuminen',
     'Järjestökoordinaattori ja vapaaehtoistoiminnan ohjaaja vahvistivat kunnan, järjestöjen ja pakolaisten yhteistyötä Vihdissä ja Karkkilassa.',
     'En organisationskoordinator och en ledare för frivilligverksamhet stärkte samarbetet mellan kommunen, föreningarna och flyktingarna i Vichtis och Högfors.',
     'An NGO coordinator and a volunteer coordinator strengthened cooperation between the municipality, NGOs and refugees in Vihti and Karkkila.',
     NULL, '2026-01-20 22:00:00+02'),
    (13, 12, 'Kotoisa', '2018-03-01', '2019-12-31', 'AMIF', 143439.00, '2.2 Kotoutuminen',
     'Hanke kokeili asiakasraatia, kokemusasiantuntijuutta ja asumisen ohjausta haavoittuvassa asemassa olevien osallisuuden lisäämiseksi.',
     'Projektet prövade kundråd, erfarenhetsexperter och boendehandledning för att öka delaktigheten hos personer i utsatt ställning.',
     'The project tried out a client panel, experts by experience and housing guidance to increase the participation of vulnerable people.',
     NULL, '2026-01-20 23:00:00+02'),
    (14, 13, 'Yhteisöllinen kotoutuminen', '2018-03-05', '2020-02-28', 'AMIF', 246956.00, '2.2 Kotoutuminen',
     'Ammatillisesti ohjattua vapaaehtoistoimintaa pakolaistaustaisille lapsiperheille ryhmissä ja perhekohtaisesti.',
     'Professionellt ledd frivilligverksamhet för barnfamiljer med flyktingbakgrund, både i grupp och familjevis.',
     'Professionally guided volunteer support for refugee families with children, in groups and family by family.',
     'https://example.org/hankkeet/yhteisollinen-kotoutuminen', '2026-01-21 00:00:00+02'),
    (15, 14, 'TUKENA', '2018-03-01', '2020-02-29', 'AMIF', 418491.00, '2.2 Kotoutuminen',
     'Traumatietoista työtä ja psykososiaalista tukea kehitettiin Uudenmaan alaikäisyksiköissä kuntien ja asumisyksiköiden yhteistyönä.',
     'Traumamedvetet arbete och psykosocialt stöd utvecklades i enheterna för minderåriga i Nyland i samarbete mellan kommuner och boenden.',
     'Trauma-informed work and psychosocial support developed in Uusimaa''s units for unaccompanied minors, with municipalities and housing units.',
     NULL, '2026-01-21 01:00:00+02'),
    (16, 15, 'YOUME', '2019-02-01', '2020-12-31', 'AMIF', 322381.00, '2.2 Kotoutuminen',
     'Mielenterveyden lähettiläät -mallissa maahan muuttaneet mentorit ottavat mielenterveyden puheeksi omissa yhteisöissään.',
     'I modellen ambassadörer för psykisk hälsa tar mentorer med invandrarbakgrund upp psykisk hälsa i sina egna gemenskaper.',
     'In the mental health ambassadors model, mentors with a migrant background raise mental health in their own communities.',
     'https://example.org/hankkeet/youme', '2026-01-21 02:00:00+02'),
    (17, 5, 'Kotoa kotiin ja yhteiskuntaan', '2019-03-01', '2021-08-31', 'AMIF', 170560.00, '2.2 Kotoutuminen',
     'Valmennusmalli rohkaisi maahan muuttaneita naisia yhteiskunnalliseen toimintaan yhdessä vanhuspalveluiden kanssa.',
     'En coachningsmodell uppmuntrade invandrade kvinnor att delta i samhället tillsammans med äldreomsorgen.',
     'A coaching model that encouraged immigrant women to take part in society, working with older people''s services.',
     NULL, '2026-01-21 03:00:00+02'),
    (18, 16, 'Kotoa kotiin', '2019-04-01', '2021-09-30', 'AMIF', 378890.00, '2.2 Kotoutuminen',
     'Ryhmätoimintaa kotona oleville maahan muuttaneille naisille: suomen kieltä, vertaistukea ja mentorointia, lapset mukana.',
     'Gruppverksamhet för invandrade kvinnor som är hemma: finska, kamratstöd och mentorskap, barnen med.',
     'Group activities for immigrant women at home: Finnish, peer support and mentoring, with children welcome.',
     NULL, '2026-01-21 04:00:00+02'),
    (19, 17, 'Löydä kotisi uudestaan Pohjois-Pohjanmaalta', '2019-04-01', '2021-03-31', 'AMIF', 358760.00, '2.2 Kotoutuminen',
     'Maaseutukuntien alkuvaiheen kotoutumisen malli perheille sekä koulutettujen vertaistukiohjaajien toiminta Pudasjärvellä ja Utajärvellä.',
     'En modell för den första tiden för familjer i landsbygdskommuner samt utbildade kamratstödsledare i Pudasjärvi och Utajärvi.',
     'A first-stage integration model for families in rural municipalities, with trained peer support leaders in Pudasjärvi and Utajärvi.',
     NULL, '2026-01-21 05:00:00+02'),
    (20, 14, 'Kotoutumisen tukena', '2019-02-01', '2020-12-31', 'AMIF', 360000.00, '2.2 Kotoutuminen',
     'Kotoutumisentukena.fi-verkkopalvelun käyttöönottoa laajennettiin kunnissa ja järjestöissä koulutusten ja käyttäjäpalautteen avulla.',
     'Webbtjänsten kotoutumisentukena.fi togs i bruk i fler kommuner och organisationer med hjälp av utbildningar och användarnas respons.',
     'The kotoutumisentukena.fi web service was taken into wider use in municipalities and NGOs through training and user feedback.',
     NULL, '2026-01-21 06:00:00+02'),
    (21, 18, 'RIO 2 – Kiertävä maahanmuuton asiantuntija', '2019-10-01', '2021-03-31', 'AMIF', 112623.00, '2.3 Valmiuksien kehittäminen',
     'Jatkohanke arvioi ja vakiinnutti edustustoissa kehitettyjä oleskelulupien käsittelyn toimintamalleja.',
     'Fortsättningsprojektet utvärderade och etablerade arbetssätt för uppehållstillstånd som utvecklats vid beskickningarna.',
     'A follow-up project that evaluated and established residence permit practices developed at Finnish missions abroad.',
     NULL, '2026-01-21 07:00:00+02'),
    (22, 18, 'ERSUS', '2018-10-01', '2019-10-31', 'AMIF', 171415.00, '2.3 Valmiuksien kehittäminen',
     'Oleskelulupamenettelyn ohjeita ja täydennyspyyntöjä selkeytettiin, jotta hakijat voivat asioida itsenäisemmin.',
     'Anvisningar och begäranden om komplettering i tillståndsprocessen gjordes tydligare så att sökande kan sköta sina ärenden mer självständigt.',
     'Residence permit instructions and requests for additional information were made clearer so that applicants can manage on their own.',
     NULL, '2026-01-21 08:00:00+02'),
    (23, 18, 'RIO', '2016-09-30', '2019-09-29', 'AMIF', 304887.00, '2.3 Valmiuksien kehittäminen',
     'Edustustojen kanssa kehitettiin selkeät prosessit oleskelulupahakemusten tarkistamiseen ja etähaastatteluihin.',
     'Tillsammans med beskickningarna utvecklades tydliga processer för att granska ansökningar om uppehållstillstånd och för distansintervjuer.',
     'Clear processes for checking residence permit applications and for remote interviews were developed with Finnish missions.',
     NULL, '2026-01-21 09:00:00+02'),
    (24, 9, 'FinMonik', '2018-03-01', '2020-02-28', 'AMIF', 277899.00, '2.3 Valmiuksien kehittäminen',
     'Ulkomaalaistaustaisen väestön hyvinvoinnin ja terveyden seurantamalli sekä alueellinen kyselytutkimus.',
     'En modell för uppföljning av välbefinnande och hälsa hos befolkningen med utländsk bakgrund samt en regional enkätundersökning.',
     'A model for monitoring the health and wellbeing of people of foreign origin, with a regional survey.',
     NULL, '2026-01-21 10:00:00+02'),
    (25, 18, 'MISEC', '2018-04-02', '2020-10-31', 'AMIF', 518266.00, '2.3 Valmiuksien kehittäminen',
     'Maahanmuuttoviranomaisten tiedonvaihtoa ja analyysitoimintaa kehitettiin lupapäätösten tueksi.',
     'Informationsutbytet och analysverksamheten mellan migrationsmyndigheterna utvecklades som stöd för tillståndsbeslut.',
     'Information exchange and analysis between immigration authorities were developed to support permit decisions.',
     NULL, '2026-01-21 11:00:00+02'),
    (26, 14, 'Järjestöistä voimaa kotoutumiseen', '2017-05-01', '2019-01-31', 'AMIF', NULL, NULL,
     'Hanke vahvisti järjestöjen ja viranomaisten yhteistyötä kotoutumisen tukemisessa ja rakensi kotoutumista tukevan toiminnan verkkopalvelun.',
     'Projektet stärkte samarbetet mellan organisationer och myndigheter i integrationsarbetet och byggde en webbtjänst för verksamhet som stöder integration.',
     'The project strengthened cooperation between NGOs and authorities in integration work and built a web service for integration support activities.',
     NULL, '2026-01-21 12:00:00+02');

INSERT INTO projects (id, organisation_id, created_at)
SELECT id, organisation_id, created_at FROM project_demo_legacy;
INSERT INTO project_versions (project_id, version, created_at, title_fi, description_fi,
                              description_sv, description_en, start_date, end_date, funder,
                              objective, grant_eur, url, nationwide, regions)
SELECT l.id, 1, l.created_at, l.name, l.description_fi, l.description_sv, l.description_en,
       l.start_date, l.end_date, 'amif',
       CASE left(l.national_objective, 3) WHEN '2.2' THEN 'amif_2_2' WHEN '2.3' THEN 'amif_2_3' END,
       l.eu_grant_eur, l.url, o.id IN (9, 18),
       CASE WHEN o.id IN (9, 18) THEN '{}'
            ELSE array_remove(ARRAY[m.region_code::text], NULL) END
  FROM project_demo_legacy l JOIN organisations o ON o.id = l.organisation_id
  LEFT JOIN municipalities m ON m.code = o.municipality_code;
UPDATE projects
   SET state = 'published', published_version = 1, decided_version = 1, decided_at = created_at,
       decided_by = NULL, published_at = created_at, updated_at = created_at,
       confirmed_at = created_at;

-- Activities 1-60 published, 900 archived, 901 draft; each with one version (version 1).
-- 42 also has a submitted edit, 902 and 903 wait in moderation (below, after 901).
-- 1: Suomen kielen kielikerho Itäkeskuksen kirjastossa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (1, 1, 'published', 1, 1, '2026-09-03 10:17:00+03', '2026-09-06 13:17:00+03', '2026-09-06 13:17:00+03', NULL, '2026-09-15 13:17:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (1,
        1,
        '2026-09-03 10:17:00+03',
        'Suomen kielen kielikerho Itäkeskuksen kirjastossa',
        'Finsk språkklubb på Östra centrums bibliotek',
        'Finnish language club at Itäkeskus library',
        'Tule harjoittelemaan suomea rennossa porukassa! Kielikerhossa puhumme arjen tilanteista, kuten kaupassa asioinnista, lääkärillä käymisestä ja naapurin kanssa juttelemisesta. Ohjaajina toimii koulutettuja vapaaehtoisia, ja apua saa tarvittaessa myös arabiaksi ja somaliksi.

Kerho sopii sinulle, joka osaat jo vähän suomea tai olet vasta aloittamassa. Kahvi ja tee maksavat 2 euroa, materiaalit ovat ilmaisia.',
        'Kom och öva finska i en avslappnad grupp! I språkklubben pratar vi om vardagliga situationer, som att handla, gå till läkaren och prata med grannen. Klubben leds av utbildade frivilliga, och vid behov får du hjälp också på arabiska och somaliska.

Klubben passar dig som redan kan lite finska eller som just har börjat. Kaffe och te kostar 2 euro, materialet är gratis.',
        'Come and practise Finnish in a relaxed group! In the language club we talk about everyday situations such as shopping, seeing a doctor and chatting with your neighbours. The club is run by trained volunteers, and help is also available in Arabic and Somali if needed.

The club suits you whether you already know some Finnish or are just starting. Coffee and tea cost 2 euros; materials are free.',
        ARRAY['language_club', 'meeting_place']::text[],
        ARRAY['language', 'everyday_society', 'community_networks']::text[],
        ARRAY['adults', 'women', 'newly_arrived']::text[],
        ARRAY['fin', 'ara', 'som', 'eng']::text[],
        '091',
        false,
        false,
        'Turunlinnantie 1',
        '00930',
        'Helsinki',
        'Esteetön sisäänkäynti Turunlinnantieltä, hissi kaikkiin kerroksiin ja esteetön wc. Kerhohuoneessa on induktiosilmukka.',
        'Tillgänglig entré från Åbohusvägen, hiss till alla våningar och tillgänglig toalett. Klubbrummet har hörslinga.',
        'Step-free entrance from Turunlinnantie, a lift to all floors and an accessible toilet. Induction loop in the club room.',
        '2026-08-18',
        '2027-05-27',
        2.00,
        'drop_in',
        'Liisa Esimerkki',
        'liisa.esimerkki@example.org',
        '040 123 4567',
        'https://example.org/kua/kielikerho-itakeskus',
        9);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (1, 1, 1, 2, '17:00', '18:30'),
    (1, 1, 2, 4, '10:00', '11:30');

-- 2: Kielikahvila lapsiperheille leikkipuistossa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (2, 1, 'published', 1, 1, '2026-06-22 06:34:00+03', '2026-06-26 09:34:00+03', '2026-06-26 09:34:00+03', NULL, '2026-07-14 09:34:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (2,
        1,
        '2026-06-22 06:34:00+03',
        'Kielikahvila lapsiperheille leikkipuistossa',
        NULL,
        NULL,
        'Leikkipuiston kielikahvilassa aikuiset harjoittelevat suomea sillä aikaa, kun lapset leikkivät lähellä. Juttelemme kahvikupin ääressä arjesta, päiväkodista ja koulusta. Mukaan voi tulla ilman ilmoittautumista, ja osallistuminen on maksutonta.',
        NULL,
        NULL,
        ARRAY['language_club', 'meeting_place']::text[],
        ARRAY['language', 'family_parenting']::text[],
        ARRAY['families', 'children', 'women']::text[],
        ARRAY['fin']::text[],
        '091',
        false,
        false,
        'Meri-Rastilan tie 3',
        '00980',
        'Helsinki',
        'Leikkipuiston sisätila on esteetön, ja lastenvaunuille on tilaa eteisessä.',
        NULL,
        NULL,
        '2026-09-02',
        '2027-05-26',
        0,
        'drop_in',
        'Maija Mallikas',
        'maija.mallikas@example.fi',
        '050 123 4567',
        'https://example.org/kua/kielikahvila-leikkipuisto',
        9);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (2, 1, 1, 3, '10:00', '11:30');

-- 3: Arjen infot verkossa: Kela, verot ja vuokra-asuminen
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (3, 19, 'published', 1, 1, '2026-10-10 11:51:00+03', '2026-10-15 14:51:00+03', '2026-10-15 14:51:00+03', NULL, '2026-11-11 14:51:00+02');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (3,
        1,
        '2026-10-10 11:51:00+03',
        'Arjen infot verkossa: Kela, verot ja vuokra-asuminen',
        'Vardagsinfo på nätet: FPA, skatter och hyresboende',
        'Everyday life info sessions online: Kela, taxes and renting',
        'Kerran kuukaudessa pidettävissä verkkoinfoissa asiantuntija kertoo selkeällä suomella yhdestä arjen aiheesta, esimerkiksi Kelan tuista, verokortista tai vuokrasopimuksesta. Tulkit kääntävät infon englanniksi, arabiaksi, ukrainaksi ja venäjäksi. Kysymyksiä voi esittää chatissa myös nimettömänä. Ilmoittaudu, niin lähetämme linkin sähköpostiisi.',
        'En gång i månaden berättar en sakkunnig på lättförståelig finska om ett vardagligt ämne, till exempel FPA:s förmåner, skattekortet eller hyresavtalet. Tolkar översätter till engelska, arabiska, ukrainska och ryska. Du kan ställa frågor i chatten, också anonymt. Anmäl dig så skickar vi länken till din e-post.',
        'Once a month an expert explains one everyday topic in plain Finnish, such as Kela benefits, the tax card or a rental agreement. Interpreters translate the session into English, Arabic, Ukrainian and Russian. You can ask questions in the chat, anonymously if you prefer. Sign up and we will email you the link.',
        ARRAY['online_phone', 'counselling']::text[],
        ARRAY['everyday_society', 'housing', 'digital_skills']::text[],
        ARRAY['adults', 'newly_arrived']::text[],
        ARRAY['fin', 'eng', 'ara', 'ukr', 'rus']::text[],
        NULL,
        true,
        true,
        NULL,
        NULL,
        NULL,
        NULL,
        NULL,
        NULL,
        '2026-09-15',
        '2027-03-09',
        0,
        'required',
        'Olena Esimerkki',
        'olena.esimerkki@example.org',
        '044 765 4321',
        'https://example.org/spr/arjen-infot',
        NULL);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (3, 1, 1, '2026-09-15 18:00', '2026-09-15 19:30'),
    (3, 1, 2, '2026-10-13 18:00', '2026-10-13 19:30'),
    (3, 1, 3, '2026-11-10 18:00', '2026-11-10 19:30'),
    (3, 1, 4, '2026-12-08 18:00', '2026-12-08 19:30'),
    (3, 1, 5, '2027-01-12 18:00', '2027-01-12 19:30'),
    (3, 1, 6, '2027-02-09 18:00', '2027-02-09 19:30'),
    (3, 1, 7, '2027-03-09 18:00', '2027-03-09 19:30');

-- 4: Jane – monikielinen neuvontapiste Puhoksessa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (4, 2, 'published', 1, 1, '2026-07-29 07:08:00+03', '2026-08-04 10:08:00+03', '2026-08-04 10:08:00+03', NULL, '2026-08-04 10:08:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (4,
        1,
        '2026-07-29 07:08:00+03',
        'Jane – monikielinen neuvontapiste Puhoksessa',
        'Jane – flerspråkig rådgivning i köpcentret Puhos',
        'Jane – multilingual advice point at Puhos shopping centre',
        'Jalkautuva neuvontapiste auttaa arjen asioissa: lomakkeissa, ajanvarauksissa, asumisessa ja palveluiden löytämisessä. Neuvojat puhuvat suomea, arabiaa, somalia, venäjää, daria ja englantia. Voit tulla paikalle ilman ajanvarausta, ja apu on maksutonta.',
        'Den uppsökande rådgivningen hjälper dig med vardagliga ärenden: blanketter, tidsbokningar, boende och att hitta rätt tjänster. Rådgivarna talar finska, arabiska, somaliska, ryska, dari och engelska. Du kan komma utan tidsbokning och hjälpen är gratis.',
        'The outreach advice point helps with everyday matters: forms, appointments, housing and finding the right services. Advisers speak Finnish, Arabic, Somali, Russian, Dari and English. Drop in without an appointment; the help is free of charge.',
        ARRAY['counselling']::text[],
        ARRAY['everyday_society', 'rights_equality', 'housing']::text[],
        ARRAY['adults', 'newly_arrived']::text[],
        ARRAY['fin', 'ara', 'som', 'rus', 'prs', 'eng']::text[],
        '091',
        false,
        false,
        'Itäkatu 3',
        '00930',
        'Helsinki',
        'Kauppakeskuksen sisäänkäynnit ja hissit ovat esteettömiä. Esteetön wc on toisessa kerroksessa.',
        'Köpcentrets ingångar och hissar är tillgängliga. Tillgänglig toalett finns i andra våningen.',
        'The shopping centre''s entrances and lifts are step-free. Accessible toilet on the first floor.',
        '2026-01-12',
        NULL,
        0,
        'drop_in',
        'Ahmed Esimerkki',
        'ahmed.esimerkki@example.org',
        '040 123 4568',
        'https://example.org/helsinki/jane',
        8);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (4, 1, 1, 1, '10:00', '15:00'),
    (4, 1, 2, 2, '10:00', '15:00'),
    (4, 1, 3, 3, '10:00', '15:00'),
    (4, 1, 4, 4, '12:00', '17:00');

-- 5: Digineuvontaa senioreille Malmin kirjastossa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (5, 2, 'published', 1, 1, '2026-05-22 12:25:00+03', '2026-05-24 15:25:00+03', '2026-05-24 15:25:00+03', NULL, '2026-06-02 15:25:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (5,
        1,
        '2026-05-22 12:25:00+03',
        'Digineuvontaa senioreille Malmin kirjastossa',
        'Digital rådgivning för seniorer på Malms bibliotek',
        'Digital help for older people at Malmi library',
        'Opettelemme yhdessä käyttämään älypuhelinta, verkkopankkia ja sähköisiä palveluita, kuten OmaKantaa. Neuvojat auttavat suomeksi, venäjäksi ja viroksi. Ota mukaan oma laite, jos sinulla on sellainen – myös lainalaitteita on.',
        'Vi lär oss tillsammans att använda smarttelefon, nätbank och e-tjänster som MittKanta. Rådgivarna hjälper på finska, ryska och estniska. Ta med din egen enhet om du har en – det finns också enheter att låna.',
        'Together we learn to use a smartphone, online banking and e-services such as My Kanta. Advisers help in Finnish, Russian and Estonian. Bring your own device if you have one – loan devices are also available.',
        ARRAY['training', 'counselling']::text[],
        ARRAY['digital_skills', 'everyday_society']::text[],
        ARRAY['seniors']::text[],
        ARRAY['fin', 'rus', 'est']::text[],
        '091',
        false,
        false,
        'Ala-Malmin tori 1',
        '00700',
        'Helsinki',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-08-21',
        '2027-05-28',
        0,
        'drop_in',
        'Pekka Testinen',
        'pekka.testinen@example.fi',
        '044 123 4567',
        'https://example.org/helsinki/digineuvonta-malmi',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (5, 1, 1, 5, '13:00', '15:00');

-- 6: Vapaaehtoiseksi kansainväliseen kahvilaan
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (6, 19, 'published', 1, 1, '2026-09-09 08:42:00+03', '2026-09-12 11:42:00+03', '2026-09-12 11:42:00+03', NULL, '2026-09-30 11:42:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (6,
        1,
        '2026-09-09 08:42:00+03',
        'Vapaaehtoiseksi kansainväliseen kahvilaan',
        'Bli frivillig på det internationella caféet',
        'Volunteer at the international café',
        'Haluatko tutustua uusiin ihmisiin ja harjoitella suomea samalla, kun autat muita? Kansainvälisessä kahvilassa vapaaehtoiset keittävät kahvia, leipovat ja juttelevat kävijöiden kanssa. Tehtävät sopivat myös sinulle, joka puhut vasta vähän suomea – perehdytämme selkosuomeksi. Ilmoittaudu ennen ensimmäistä vuoroa.',
        'Vill du lära känna nya människor och öva finska samtidigt som du hjälper andra? På det internationella caféet kokar de frivilliga kaffe, bakar och pratar med besökarna. Uppgifterna passar också dig som ännu talar lite finska – introduktionen sker på lättläst finska. Anmäl dig före ditt första pass.',
        'Would you like to meet new people and practise Finnish while helping others? At the international café volunteers make coffee, bake and chat with visitors. The tasks also suit you if you speak only a little Finnish – we give the introduction in plain Finnish. Please sign up before your first shift.',
        ARRAY['volunteering', 'meeting_place']::text[],
        ARRAY['community_networks', 'language']::text[],
        ARRAY['adults', 'youth']::text[],
        ARRAY['fin', 'eng', 'ara', 'ukr']::text[],
        '091',
        false,
        false,
        'Käenkuja 8',
        '00500',
        'Helsinki',
        'Sisäänkäynnillä on kaksi porrasta, mutta siirrettävä luiska on saatavilla. Wc ei ole esteetön.',
        'Två trappsteg vid ingången, men en flyttbar ramp finns. Toaletten är inte tillgänglig.',
        'Two steps at the entrance, but a portable ramp is available. The toilet is not accessible.',
        '2026-08-29',
        NULL,
        0,
        'required',
        'Olena Esimerkki',
        'olena.esimerkki@example.org',
        '044 765 4321',
        'https://example.org/spr/vapaaehtoiseksi-kahvilaan',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (6, 1, 1, 6, '12:00', '15:00');

-- 7: Työnhakijoiden vertaisryhmä Luckanissa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (7, 20, 'published', 1, 1, '2026-06-28 13:59:00+03', '2026-07-02 16:59:00+03', '2026-07-02 16:59:00+03', NULL, '2026-07-29 16:59:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (7,
        1,
        '2026-06-28 13:59:00+03',
        'Työnhakijoiden vertaisryhmä Luckanissa',
        'Jobbsökargruppen på Luckan',
        'Jobseekers'' peer group at Luckan',
        'Vertaisryhmässä työnhakijat jakavat kokemuksia ja vinkkejä työnhausta Suomessa. Välillä mukana on vierailijoita, jotka kertovat esimerkiksi CV:n kirjoittamisesta tai työhaastattelusta. Ryhmä toimii ruotsiksi ja englanniksi, ja apua saa myös suomeksi. Ilmoittaudu mukaan sähköpostilla.',
        'I kamratgruppen delar arbetssökande erfarenheter och tips om att söka jobb i Finland. Ibland kommer gäster som berättar till exempel om hur man skriver cv eller klarar en anställningsintervju. Gruppen träffas på svenska och engelska, och hjälp finns också på finska. Anmäl dig per e-post.',
        'In this peer group jobseekers share experiences and tips on looking for work in Finland. Now and then guests talk about topics like writing a CV or doing well in a job interview. The group meets in Swedish and English, with help in Finnish too. Sign up by email.',
        ARRAY['peer_activity', 'training']::text[],
        ARRAY['work_education', 'community_networks']::text[],
        ARRAY['jobseekers', 'adults']::text[],
        ARRAY['swe', 'eng', 'fin']::text[],
        '091',
        false,
        false,
        'Simonkatu 8',
        '00100',
        'Helsinki',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-09-01',
        '2027-05-25',
        0,
        'required',
        'Karin Exempel',
        'karin.exempel@example.org',
        '040 765 4321',
        'https://example.org/luckan/jobbsokargruppen',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (7, 1, 1, 2, '13:00', '15:00');

-- 8: Asumisvalmennus: oma koti haltuun
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (8, 3, 'published', 1, 1, '2026-10-16 09:16:00+03', '2026-10-21 12:16:00+03', '2026-10-21 12:16:00+03', NULL, '2026-10-21 12:16:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (8,
        1,
        '2026-10-16 09:16:00+03',
        'Asumisvalmennus: oma koti haltuun',
        'Boendekurs: ta hand om ditt eget hem',
        'Housing course: making a home of your own',
        'Kuuden kerran valmennuksessa opit, miten vuokra-asuntoa haetaan, mitä vuokrasopimus tarkoittaa ja miten kodista huolehditaan. Harjoittelemme käytännössä esimerkiksi jätteiden lajittelua ja laskujen maksamista. Valmennus on suunnattu nuorille ja lapsiperheille, ja tulkkaus järjestetään tarpeen mukaan.',
        'Under kursens sex träffar lär du dig hur man söker hyresbostad, vad ett hyresavtal innebär och hur man sköter sitt hem. Vi övar praktiskt, till exempel sopsortering och att betala räkningar. Kursen riktar sig till unga och barnfamiljer, och tolkning ordnas vid behov.',
        'Over six sessions you will learn how to apply for a rental flat, what a tenancy agreement means and how to look after your home. We practise hands-on things like sorting waste and paying bills. The course is for young people and families with children, and interpreting is arranged as needed.',
        ARRAY['training']::text[],
        ARRAY['housing', 'everyday_society']::text[],
        ARRAY['youth', 'families', 'newly_arrived']::text[],
        ARRAY['fin', 'ara', 'som', 'prs', 'eng']::text[],
        '049',
        false,
        false,
        'Kamreerintie 3',
        '02770',
        'Espoo',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2027-01-13',
        '2027-02-17',
        0,
        'required',
        'Hanna Kokeilu',
        'hanna.kokeilu@example.fi',
        '044 111 2233',
        'https://example.org/espoo/asumisvalmennus',
        2);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (8, 1, 1, '2027-01-13 17:00', '2027-01-13 19:00'),
    (8, 1, 2, '2027-01-20 17:00', '2027-01-20 19:00'),
    (8, 1, 3, '2027-01-27 17:00', '2027-01-27 19:00'),
    (8, 1, 4, '2027-02-03 17:00', '2027-02-03 19:00'),
    (8, 1, 5, '2027-02-10 17:00', '2027-02-10 19:00'),
    (8, 1, 6, '2027-02-17 17:00', '2027-02-17 19:00');

-- 9: Naisten kohtaamispaikka Espoon keskuksessa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (9, 25, 'published', 1, 1, '2026-08-04 05:33:00+03', '2026-08-10 08:33:00+03', '2026-08-10 08:33:00+03', NULL, '2026-08-19 08:33:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (9,
        1,
        '2026-08-04 05:33:00+03',
        'Naisten kohtaamispaikka Espoon keskuksessa',
        'Mötesplats för kvinnor i Esbo centrum',
        'Women''s meeting place in Espoo Centre',
        'Tervetuloa naisten avoimeen kohtaamispaikkaan juomaan teetä, juttelemaan ja tekemään käsitöitä. Toiminta on kaikille avointa taustasta ja uskonnosta riippumatta. Pienet lapset voivat tulla mukaan, ja paikalla on aina myös arabiaa, kurdia tai persiaa puhuva ohjaaja.',
        'Välkommen till en öppen mötesplats för kvinnor där vi dricker te, pratar och handarbetar. Verksamheten är öppen för alla oberoende av bakgrund och religion. Små barn får följa med, och det finns alltid en ledare som talar arabiska, kurdiska eller persiska.',
        'Welcome to an open meeting place for women: drink tea, chat and do crafts together. Everyone is welcome whatever their background or religion. Small children can come along, and there is always a leader who speaks Arabic, Kurdish or Persian.',
        ARRAY['meeting_place', 'peer_activity']::text[],
        ARRAY['community_networks', 'culture_leisure']::text[],
        ARRAY['women']::text[],
        ARRAY['fin', 'ara', 'kur', 'fas']::text[],
        '049',
        false,
        false,
        'Kirkkopuisto 5',
        '02770',
        'Espoo',
        'Sisäänkäynnillä on kaksi porrasta, mutta siirrettävä luiska on saatavilla. Wc ei ole esteetön.',
        'Två trappsteg vid ingången, men en flyttbar ramp finns. Toaletten är inte tillgänglig.',
        'Two steps at the entrance, but a portable ramp is available. The toilet is not accessible.',
        '2026-08-19',
        NULL,
        0,
        'drop_in',
        'Fatima Mallinen',
        'fatima.mallinen@example.fi',
        '040 111 2233',
        'https://example.org/espoon-seurakunta/naisten-kohtaamispaikka',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (9, 1, 1, 3, '12:00', '14:00');

-- 10: Kotikunta tutuksi – kävelyretket Kauniaisissa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (10, 4, 'published', 1, 1, '2026-05-28 10:50:00+03', '2026-05-30 13:50:00+03', '2026-05-30 13:50:00+03', NULL, '2026-06-17 13:50:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (10,
        1,
        '2026-05-28 10:50:00+03',
        'Kotikunta tutuksi – kävelyretket Kauniaisissa',
        'Lär känna din hemkommun – promenader i Grankulla',
        'Get to know your town – walks in Kauniainen',
        'Lähde mukaan lyhyille kävelyretkille, joilla tutustumme Kauniaisten kirjastoon, liikuntapaikkoihin, terveysasemaan ja luontopolkuihin. Oppaina toimivat kaupungin työntekijät ja paikalliset vapaaehtoiset. Retket ovat maksuttomia, eikä ennakkoilmoittautumista tarvita.',
        'Följ med på korta promenader där vi bekantar oss med Grankulla bibliotek, idrottsplatser, hälsostationen och naturstigarna. Guider är stadens anställda och frivilliga från orten. Promenaderna är gratis och du behöver inte anmäla dig på förhand.',
        'Join short walks to get to know Kauniainen''s library, sports facilities, health centre and nature trails. The walks are guided by city staff and local volunteers. They are free, and there is no need to sign up in advance.',
        ARRAY['camp_excursion', 'meeting_place']::text[],
        ARRAY['everyday_society', 'sport_outdoors']::text[],
        ARRAY['everyone', 'newly_arrived']::text[],
        ARRAY['fin', 'swe', 'eng', 'ara']::text[],
        '235',
        false,
        false,
        'Kauppatie 10',
        '02700',
        'Kauniainen',
        'Retket kulkevat osin epätasaisessa maastossa. Kerro ilmoittautuessasi, jos tarvitset apua liikkumiseen, niin suunnittelemme reitin yhdessä.',
        'Utflykterna går delvis i ojämn terräng. Berätta när du anmäler dig om du behöver hjälp att röra dig, så planerar vi rutten tillsammans.',
        'The trips partly cross uneven ground. Tell us when you sign up if you need help getting around and we will plan the route together.',
        '2027-03-06',
        '2027-05-29',
        0,
        'drop_in',
        'Karin Exempel',
        'karin.exempel@example.org',
        '040 765 4321',
        'https://example.org/kauniainen/kotikunta-tutuksi',
        1);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (10, 1, 1, '2027-03-06 11:00', '2027-03-06 13:00'),
    (10, 1, 2, '2027-04-03 11:00', '2027-04-03 13:00'),
    (10, 1, 3, '2027-05-08 11:00', '2027-05-08 13:00'),
    (10, 1, 4, '2027-05-29 11:00', '2027-05-29 13:00');

-- 11: Läxhjälpen i församlingshemmet
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (11, 30, 'published', 1, 1, '2026-09-15 06:07:00+03', '2026-09-18 09:07:00+03', '2026-09-18 09:07:00+03', NULL, '2026-10-15 09:07:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (11,
        1,
        '2026-09-15 06:07:00+03',
        NULL,
        'Läxhjälpen i församlingshemmet',
        NULL,
        NULL,
        'Behöver du hjälp med läxorna? På läxhjälpen får skolbarn och unga stöd i alla ämnen av frivilliga vuxna och studerande. Vi hjälper på svenska, finska och engelska, och det finns mellanmål. Läxhjälp är gratis och öppen för alla – kom när det passar dig.',
        NULL,
        ARRAY['homework_club']::text[],
        ARRAY['language', 'work_education']::text[],
        ARRAY['children', 'youth']::text[],
        ARRAY['swe', 'fin', 'eng', 'ara']::text[],
        '235',
        false,
        false,
        'Kyrkstigen 4',
        '02700',
        'Grankulla',
        NULL,
        'Tillgänglig entré från parkeringen och tillgänglig toalett i samma våning.',
        NULL,
        '2026-08-24',
        '2027-05-31',
        0,
        'drop_in',
        'Johan Provsson',
        'johan.provsson@example.org',
        '050 765 4321',
        'https://example.org/grankulla-forsamling/laxhjalpen',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (11, 1, 1, 1, '15:00', '17:00'),
    (11, 1, 2, 3, '15:00', '17:00');

-- 12: Vertaisryhmä vauvaa odottaville ja vauvaperheille
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (12, 5, 'published', 1, 1, '2026-07-04 11:24:00+03', '2026-07-08 14:24:00+03', '2026-07-08 14:24:00+03', NULL, '2026-07-08 14:24:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (12,
        1,
        '2026-07-04 11:24:00+03',
        'Vertaisryhmä vauvaa odottaville ja vauvaperheille',
        'Kamratgrupp för blivande föräldrar och babyfamiljer',
        'Peer group for expectant parents and families with babies',
        'Ryhmässä odottavat äidit, isät ja vauvaperheet saavat tietoa synnytyksestä, imetyksestä ja vauvan hoidosta. Ohjaajina ovat terveydenhoitajaopiskelijat ja koulutetut vertaisohjaajat, jotka puhuvat arabiaa, somalia ja tigrinjaa. Kysymykset ovat aina tervetulleita, ja ryhmässä saa tukea muilta vanhemmilta.',
        'I gruppen får blivande mammor, pappor och familjer med bebis information om förlossning, amning och babyvård. Ledare är hälsovårdarstuderande och utbildade kamratledare som talar arabiska, somaliska och tigrinja. Alla frågor är välkomna, och du får stöd av andra föräldrar.',
        'In this group expectant mothers, fathers and families with a baby learn about giving birth, breastfeeding and baby care. The group is led by public health nursing students and trained peer leaders who speak Arabic, Somali and Tigrinya. Questions are always welcome, and you get support from other parents.',
        ARRAY['peer_activity', 'training']::text[],
        ARRAY['family_parenting', 'health_wellbeing']::text[],
        ARRAY['families', 'women', 'men']::text[],
        ARRAY['fin', 'ara', 'som', 'tir', 'eng']::text[],
        '837',
        false,
        false,
        'Kuntokatu 3',
        '33520',
        'Tampere',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-09-03',
        '2027-05-27',
        0,
        'required',
        'Amina Testinen',
        'amina.testinen@example.org',
        '040 222 3344',
        'https://example.org/tamk/vauvaperheet',
        10);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (12, 1, 1, 4, '10:00', '12:00');

-- 13: Naisten olohuone Hervannassa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (13, 21, 'published', 1, 1, '2026-10-22 07:41:00+03', '2026-10-27 10:41:00+02', '2026-10-27 10:41:00+02', NULL, '2026-11-05 10:41:00+02');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (13,
        1,
        '2026-10-22 07:41:00+03',
        'Naisten olohuone Hervannassa',
        'Kvinnornas vardagsrum i Hervanta',
        'Women''s living room in Hervanta',
        'Naisten olohuone on turvallinen paikka tavata muita naisia, harjoitella suomea ja saada apua arjen kysymyksiin. Ohjelmassa on keskustelua, käsitöitä, ruoanlaittoa ja vierailuja lähialueen palveluihin. Lapset voivat tulla mukaan, ja tulkkausta on tarjolla arabiaksi, kurdiksi, somaliksi ja thaiksi.',
        'Kvinnornas vardagsrum är en trygg plats där du träffar andra kvinnor, övar finska och får hjälp med vardagliga frågor. Programmet innehåller samtal, handarbete, matlagning och besök hos tjänster i närområdet. Barn får följa med, och tolkning finns på arabiska, kurdiska, somaliska och thai.',
        'The women''s living room is a safe place to meet other women, practise Finnish and get help with everyday questions. The programme includes conversation, crafts, cooking and visits to local services. Children are welcome, and interpreting is offered in Arabic, Kurdish, Somali and Thai.',
        ARRAY['meeting_place', 'language_club']::text[],
        ARRAY['community_networks', 'language', 'everyday_society']::text[],
        ARRAY['women']::text[],
        ARRAY['fin', 'ara', 'kur', 'som', 'tha']::text[],
        '837',
        false,
        false,
        'Insinöörinkatu 38',
        '33720',
        'Tampere',
        'Esteetön sisäänkäynti pihan puolelta. Kerhohuoneessa on induktiosilmukka.',
        'Tillgänglig ingång från gårdssidan. Klubbrummet har hörslinga.',
        'Step-free entrance from the courtyard. Induction loop in the club room.',
        '2026-08-17',
        NULL,
        0,
        'drop_in',
        'Fatima Mallinen',
        'fatima.mallinen@example.fi',
        '040 111 2233',
        'https://example.org/seltementti/naisten-olohuone',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (13, 1, 1, 1, '10:00', '13:00'),
    (13, 1, 2, 3, '10:00', '13:00');

-- 14: Mieli hyvä – ryhmä mielen hyvinvoinnista
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (14, 29, 'published', 1, 1, '2026-08-10 12:58:00+03', '2026-08-16 15:58:00+03', '2026-08-16 15:58:00+03', NULL, '2026-09-03 15:58:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (14,
        1,
        '2026-08-10 12:58:00+03',
        'Mieli hyvä – ryhmä mielen hyvinvoinnista',
        'Må bra – en grupp om psykiskt välbefinnande',
        'Feeling good – a group on mental wellbeing',
        'Kuuden tapaamisen ryhmässä puhumme stressistä, unesta, koti-ikävästä ja siitä, mistä saa apua, kun mieli on raskas. Ryhmää ohjaavat psykiatrinen sairaanhoitaja ja kokemusasiantuntija. Ryhmään ei tarvita lähetettä, mutta paikkoja on rajoitetusti, joten ilmoittaudu etukäteen.',
        'I gruppen, som träffas sex gånger, pratar vi om stress, sömn, hemlängtan och var man får hjälp när livet känns tungt. Gruppen leds av en psykiatrisk sjukskötare och en erfarenhetsexpert. Ingen remiss behövs, men antalet platser är begränsat, så anmäl dig på förhand.',
        'Over six meetings we talk about stress, sleep, homesickness and where to find help when life feels heavy. The group is led by a psychiatric nurse and an expert by experience. No referral is needed, but places are limited, so please sign up in advance.',
        ARRAY['peer_activity', 'counselling']::text[],
        ARRAY['health_wellbeing']::text[],
        ARRAY['adults']::text[],
        ARRAY['fin', 'ara', 'prs', 'ukr']::text[],
        '837',
        false,
        false,
        'Sammonkatu 30',
        '33540',
        'Tampere',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2027-02-02',
        '2027-03-09',
        0,
        'required',
        'Hanna Kokeilu',
        'hanna.kokeilu@example.fi',
        '044 111 2233',
        'https://example.org/pirha/mieli-hyva',
        NULL);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (14, 1, 1, '2027-02-02 13:00', '2027-02-02 14:30'),
    (14, 1, 2, '2027-02-09 13:00', '2027-02-09 14:30'),
    (14, 1, 3, '2027-02-16 13:00', '2027-02-16 14:30'),
    (14, 1, 4, '2027-02-23 13:00', '2027-02-23 14:30'),
    (14, 1, 5, '2027-03-02 13:00', '2027-03-02 14:30'),
    (14, 1, 6, '2027-03-09 13:00', '2027-03-09 14:30');

-- 15: Kansainvälinen perhekerho
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (15, 27, 'published', 1, 1, '2026-06-03 08:15:00+03', '2026-06-05 11:15:00+03', '2026-06-05 11:15:00+03', NULL, '2026-07-02 11:15:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (15,
        1,
        '2026-06-03 08:15:00+03',
        'Kansainvälinen perhekerho',
        'Internationell familjeklubb',
        'International family club',
        'Perhekerhossa lapset leikkivät, laulavat ja askartelevat, ja vanhemmat tutustuvat toisiinsa kahvin äärellä. Kerho on avoin kaikille perheille uskonnosta riippumatta. Puhumme suomea ja englantia, ja joukossa on myös espanjaa ja ranskaa puhuvia. Välipala maksaa 2 euroa perheeltä.',
        'I familjeklubben leker, sjunger och pysslar barnen medan föräldrarna lär känna varandra över en kopp kaffe. Klubben är öppen för alla familjer oberoende av religion. Vi talar finska och engelska, och några av oss talar också spanska och franska. Mellanmålet kostar 2 euro per familj.',
        'At the family club children play, sing and do crafts while parents get to know each other over coffee. The club is open to all families regardless of religion. We speak Finnish and English, and some of us also speak Spanish and French. The snack costs 2 euros per family.',
        ARRAY['meeting_place']::text[],
        ARRAY['family_parenting', 'community_networks']::text[],
        ARRAY['families', 'children']::text[],
        ARRAY['fin', 'eng', 'spa', 'fra']::text[],
        '837',
        false,
        false,
        'Näsilinnankatu 26',
        '33200',
        'Tampere',
        'Sisäänkäynnillä on kaksi porrasta, mutta siirrettävä luiska on saatavilla. Wc ei ole esteetön.',
        'Två trappsteg vid ingången, men en flyttbar ramp finns. Toaletten är inte tillgänglig.',
        'Two steps at the entrance, but a portable ramp is available. The toilet is not accessible.',
        '2026-09-04',
        '2027-05-28',
        2.00,
        'drop_in',
        'Sara Example',
        'sara.example@example.org',
        '050 111 2233',
        'https://example.org/vapaaseurakunta/perhekerho',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (15, 1, 1, 5, '10:00', '12:00');

-- 16: Mielenterveyden lähettiläät – mentorointiryhmä
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (16, 15, 'published', 1, 1, '2026-09-21 13:32:00+03', '2026-09-24 16:32:00+03', '2026-09-24 16:32:00+03', NULL, '2026-09-24 16:32:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (16,
        1,
        '2026-09-21 13:32:00+03',
        'Mielenterveyden lähettiläät – mentorointiryhmä',
        'Ambassadörer för psykisk hälsa – mentorsgrupp',
        'Mental health ambassadors – mentoring group',
        'Ryhmässä koulutetaan maahan muuttaneista mentoreita, jotka voivat ottaa mielenterveyden puheeksi omassa yhteisössään. Tapaamisissa käsitellään mielen hyvinvointia, jaksamista ja sitä, miten apua haetaan Suomessa. Mentorit saavat tukea koko toiminnan ajan. Ilmoittaudu mukaan, ryhmään mahtuu 15 henkeä.',
        'Gruppen utbildar invandrare till mentorer som kan ta upp psykisk hälsa i sin egen gemenskap. På träffarna behandlas psykiskt välbefinnande, att orka och hur man söker hjälp i Finland. Mentorerna får stöd under hela verksamheten. Anmäl dig, gruppen har plats för 15 personer.',
        'This group trains people with a migrant background as mentors who can bring up mental health in their own communities. The meetings cover mental wellbeing, coping and how to seek help in Finland. Mentors get support throughout. Sign up – the group has room for 15 people.',
        ARRAY['mentoring', 'training']::text[],
        ARRAY['health_wellbeing', 'community_networks']::text[],
        ARRAY['adults', 'youth']::text[],
        ARRAY['fin', 'eng', 'ara', 'som', 'fas']::text[],
        '853',
        false,
        false,
        'Joukahaisenkatu 3',
        '20520',
        'Turku',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2027-01-19',
        '2027-04-13',
        0,
        'required',
        'Ahmed Esimerkki',
        'ahmed.esimerkki@example.org',
        '040 123 4568',
        'https://example.org/turkuamk/mielenterveyden-lahettilaat',
        16);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (16, 1, 1, '2027-01-19 16:00', '2027-01-19 19:00'),
    (16, 1, 2, '2027-02-02 16:00', '2027-02-02 19:00'),
    (16, 1, 3, '2027-02-16 16:00', '2027-02-16 19:00'),
    (16, 1, 4, '2027-03-02 16:00', '2027-03-02 19:00'),
    (16, 1, 5, '2027-03-16 16:00', '2027-03-16 19:00'),
    (16, 1, 6, '2027-04-13 16:00', '2027-04-13 19:00');

-- 17: Stig in! – ruotsin kielen kahvila Turussa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (17, 6, 'published', 1, 1, '2026-07-10 09:49:00+03', '2026-07-14 12:49:00+03', '2026-07-14 12:49:00+03', NULL, '2026-07-23 12:49:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (17,
        1,
        '2026-07-10 09:49:00+03',
        'Stig in! – ruotsin kielen kahvila Turussa',
        'Stig in! – språkcafé på svenska i Åbo',
        'Stig in! – Swedish language café in Turku',
        'Haluatko oppia ruotsia tai käyttää sitä enemmän? Kielikahvilassa opiskelijat ja kaupunkilaiset juttelevat rennosti ruotsiksi, ja aloittelijoille on oma pöytä. Tarvittaessa apua saa suomeksi ja englanniksi. Tule mukaan ilman ilmoittautumista.',
        'Vill du lära dig svenska eller använda språket mer? På språkcaféet pratar studerande och Åbobor avslappnat på svenska, och nybörjarna har ett eget bord. Vid behov får du hjälp på finska och engelska. Kom med utan anmälan.',
        'Want to learn Swedish or use it more? At the language café students and local people chat in Swedish in a relaxed way, and beginners have their own table. Help is available in Finnish and English if needed. Just drop in, no need to register.',
        ARRAY['language_club', 'meeting_place']::text[],
        ARRAY['language', 'culture_leisure']::text[],
        ARRAY['everyone', 'students']::text[],
        ARRAY['swe', 'fin', 'eng']::text[],
        '853',
        false,
        false,
        'Tuomiokirkontori 3',
        '20500',
        'Turku',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-09-08',
        '2027-04-27',
        0,
        'drop_in',
        'Johan Provsson',
        'johan.provsson@example.org',
        '050 765 4321',
        'https://example.org/abo-akademi/stig-in-sprakcafe',
        4);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (17, 1, 1, 2, '16:00', '17:30');

-- 18: Läksykerho Varissuolla
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (18, 31, 'published', 1, 1, '2026-10-28 05:06:00+02', '2026-11-02 08:06:00+02', '2026-11-02 08:06:00+02', NULL, '2026-11-20 08:06:00+02');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (18,
        1,
        '2026-10-28 05:06:00+02',
        'Läksykerho Varissuolla',
        'Läxklubb i Varissuo',
        'Homework club in Varissuo',
        'Läksykerhossa koululaiset saavat apua kotitehtäviin vapaaehtoisilta aikuisilta ja opiskelijoilta. Autamme suomen kielessä, matematiikassa ja muissa aineissa – myös arabiaksi, somaliksi, venäjäksi ja kurdiksi. Tarjolla on välipala, ja kerhoon voi tulla silloin kun sopii.',
        'I läxklubben får skolbarn hjälp med läxorna av frivilliga vuxna och studerande. Vi hjälper till med finska, matematik och andra ämnen – också på arabiska, somaliska, ryska och kurdiska. Det finns mellanmål, och du kan komma när det passar dig.',
        'At the homework club schoolchildren get help with homework from volunteer adults and students. We help with Finnish, maths and other subjects – also in Arabic, Somali, Russian and Kurdish. There is a snack, and you can come whenever it suits you.',
        ARRAY['homework_club']::text[],
        ARRAY['language', 'work_education']::text[],
        ARRAY['children', 'youth']::text[],
        ARRAY['fin', 'ara', 'som', 'rus', 'kur']::text[],
        '853',
        false,
        false,
        'Nisse Kavon katu 3',
        '20610',
        'Turku',
        'Esteetön sisäänkäynti pihan puolelta. Kerhohuoneessa on induktiosilmukka.',
        'Tillgänglig ingång från gårdssidan. Klubbrummet har hörslinga.',
        'Step-free entrance from the courtyard. Induction loop in the club room.',
        '2026-08-18',
        '2027-05-27',
        0,
        'drop_in',
        'Amina Testinen',
        'amina.testinen@example.org',
        '040 222 3344',
        'https://example.org/silta/laksykerho',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (18, 1, 1, 2, '14:30', '16:30'),
    (18, 1, 2, 4, '14:30', '16:30');

-- 19: Naapurisovittelu monikielisesti
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (19, 31, 'published', 1, 1, '2026-08-16 10:23:00+03', '2026-08-22 13:23:00+03', '2026-08-22 13:23:00+03', NULL, '2026-09-18 13:23:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (19,
        1,
        '2026-08-16 10:23:00+03',
        'Naapurisovittelu monikielisesti',
        'Grannmedling på flera språk',
        'Neighbourhood mediation in many languages',
        'Onko taloyhtiössä riitaa melusta, pyykkivuoroista tai lasten leikeistä? Koulutetut vapaaehtoiset sovittelijat auttavat naapureita löytämään ratkaisun yhdessä keskustellen. Sovittelu on luottamuksellista ja maksutonta, ja sen voi käydä suomeksi, arabiaksi, somaliksi tai englanniksi. Ota yhteyttä, niin sovitaan aika.',
        'Blir det bråk i huset om buller, tvättider eller barnens lekar? Utbildade frivilliga medlare hjälper grannar att hitta en lösning genom samtal. Medlingen är konfidentiell och gratis och kan ske på finska, arabiska, somaliska eller engelska. Kontakta oss så bokar vi en tid.',
        'Is there a dispute in your building about noise, laundry times or children playing? Trained volunteer mediators help neighbours find a solution through conversation. Mediation is confidential and free, and can take place in Finnish, Arabic, Somali or English. Get in touch to book a time.',
        ARRAY['mediation']::text[],
        ARRAY['housing', 'rights_equality', 'community_networks']::text[],
        ARRAY['everyone']::text[],
        ARRAY['fin', 'ara', 'som', 'eng']::text[],
        '853',
        false,
        false,
        'Linnankatu 30',
        '20100',
        'Turku',
        'Tila on toisessa kerroksessa, eikä talossa ole hissiä. Kerro etukäteen, jos tarvitset apua, niin tapaamme alakerrassa.',
        'Lokalen ligger i andra våningen och huset har ingen hiss. Säg till på förhand om du behöver hjälp, så träffas vi på nedre botten.',
        'The room is upstairs and there is no lift. Tell us in advance if you need help and we will meet downstairs.',
        '2026-03-01',
        NULL,
        0,
        'required',
        'Amina Testinen',
        'amina.testinen@example.org',
        '040 222 3344',
        'https://example.org/silta/naapurisovittelu',
        NULL);

-- 20: Työelämämentorointi maahan muuttaneille
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (20, 28, 'published', 1, 1, '2026-06-09 06:40:00+03', '2026-06-11 09:40:00+03', '2026-06-11 09:40:00+03', NULL, '2026-06-11 09:40:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (20,
        1,
        '2026-06-09 06:40:00+03',
        'Työelämämentorointi maahan muuttaneille',
        'Arbetslivsmentorskap för invandrare',
        'Working life mentoring for immigrants',
        'Mentorointiohjelmassa maahan muuttanut työnhakija saa parikseen kokeneen oululaisen työelämän ammattilaisen. Tapaatte noin kerran kuukaudessa puolen vuoden ajan ja mietitte yhdessä urasuunnitelmaa, verkostoja ja työnhakua. Yhteiset ryhmätapaamiset pidetään kauppakamarilla. Ohjelma on maksuton, ja haku päättyy joulukuussa.',
        'I mentorsprogrammet får en arbetssökande med invandrarbakgrund en erfaren yrkesperson från Uleåborg som par. Ni träffas ungefär en gång i månaden i ett halvår och funderar tillsammans på karriärplan, nätverk och jobbsökning. De gemensamma gruppträffarna hålls på handelskammaren. Programmet är gratis och ansökan går ut i december.',
        'In this mentoring programme a jobseeker with a migrant background is paired with an experienced professional from Oulu. You meet about once a month for six months and work together on career plans, networks and job hunting. Joint group meetings are held at the chamber of commerce. The programme is free, and applications close in December.',
        ARRAY['mentoring']::text[],
        ARRAY['work_education', 'community_networks']::text[],
        ARRAY['jobseekers', 'adults']::text[],
        ARRAY['fin', 'eng']::text[],
        '564',
        false,
        false,
        'Isokatu 23',
        '90100',
        'Oulu',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2027-01-21',
        '2027-06-10',
        0,
        'required',
        'Ville Virtuaali',
        'ville.virtuaali@example.fi',
        '050 222 3344',
        'https://example.org/oulun-kauppakamari/mentorointi',
        NULL);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (20, 1, 1, '2027-01-21 16:30', '2027-01-21 18:30'),
    (20, 1, 2, '2027-03-18 16:30', '2027-03-18 18:30'),
    (20, 1, 3, '2027-06-10 16:30', '2027-06-10 18:30');

-- 21: Kansainvälinen olohuone Oulun keskustassa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (21, 23, 'published', 1, 1, '2026-09-27 11:57:00+03', '2026-09-30 14:57:00+03', '2026-09-30 14:57:00+03', NULL, '2026-10-09 14:57:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (21,
        1,
        '2026-09-27 11:57:00+03',
        'Kansainvälinen olohuone Oulun keskustassa',
        'Internationellt vardagsrum i Uleåborgs centrum',
        'International living room in Oulu city centre',
        'Kansainvälinen olohuone on avoin paikka, jossa voi levätä, lukea lehtiä, käyttää tietokonetta ja jutella suomeksi tai omalla kielellä. Vapaaehtoiset auttavat tarvittaessa lomakkeiden ja sähköisten palveluiden kanssa. Kahvi ja tee ovat ilmaisia. Tervetuloa – ajanvarausta ei tarvita!',
        'Det internationella vardagsrummet är en öppen plats där du kan vila, läsa tidningar, använda datorn och prata finska eller ditt eget språk. Frivilliga hjälper vid behov med blanketter och e-tjänster. Kaffe och te är gratis. Välkommen – ingen tidsbokning behövs!',
        'The international living room is an open space where you can rest, read the papers, use a computer and chat in Finnish or your own language. Volunteers can help with forms and online services. Coffee and tea are free. Welcome – no appointment needed!',
        ARRAY['meeting_place']::text[],
        ARRAY['community_networks', 'digital_skills', 'everyday_society']::text[],
        ARRAY['everyone']::text[],
        ARRAY['fin', 'eng', 'ara', 'rus', 'som', 'tha', 'vie']::text[],
        '564',
        false,
        false,
        'Torikatu 9',
        '90100',
        'Oulu',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-01-07',
        NULL,
        0,
        'drop_in',
        'Ville Virtuaali',
        'ville.virtuaali@example.fi',
        '050 222 3344',
        'https://example.org/olohuone-oulu',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (21, 1, 1, 1, '12:00', '16:00'),
    (21, 1, 2, 3, '12:00', '16:00'),
    (21, 1, 3, 5, '12:00', '16:00');

-- 22: Luontoretket Oulun seudulle
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (22, 23, 'published', 1, 1, '2026-07-16 07:14:00+03', '2026-07-20 10:14:00+03', '2026-07-20 10:14:00+03', NULL, '2026-08-07 10:14:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (22,
        1,
        '2026-07-16 07:14:00+03',
        'Luontoretket Oulun seudulle',
        'Naturutflykter i Uleåborgstrakten',
        'Nature trips around Oulu',
        'Retkillä tutustumme Oulun seudun luontoon: kävelemme meren rannalla, opettelemme hiihtämään ja poimimme kesällä marjoja. Varusteita voi lainata, ja ohjaaja kertoo jokamiehenoikeuksista. Retki maksaa 5 euroa, ja hintaan sisältyvät kuljetus ja eväät. Ilmoittaudu viimeistään kolme päivää ennen retkeä.',
        'På utflykterna bekantar vi oss med naturen kring Uleåborg: vi promenerar vid havet, lär oss åka skidor och plockar bär på sommaren. Du kan låna utrustning, och ledaren berättar om allemansrätten. En utflykt kostar 5 euro inklusive transport och matsäck. Anmäl dig senast tre dagar före utflykten.',
        'On these trips we explore nature around Oulu: we walk by the sea, learn to ski and pick berries in summer. Equipment can be borrowed, and the guide explains everyman''s rights. A trip costs 5 euros including transport and a packed lunch. Sign up at least three days before the trip.',
        ARRAY['camp_excursion']::text[],
        ARRAY['sport_outdoors', 'culture_leisure']::text[],
        ARRAY['everyone', 'families']::text[],
        ARRAY['fin', 'eng']::text[],
        '564',
        false,
        false,
        'Torikatu 9',
        '90100',
        'Oulu',
        'Retket kulkevat osin epätasaisessa maastossa. Kerro ilmoittautuessasi, jos tarvitset apua liikkumiseen, niin suunnittelemme reitin yhdessä.',
        'Utflykterna går delvis i ojämn terräng. Berätta när du anmäler dig om du behöver hjälp att röra dig, så planerar vi rutten tillsammans.',
        'The trips partly cross uneven ground. Tell us when you sign up if you need help getting around and we will plan the route together.',
        '2026-12-12',
        '2027-08-21',
        5.00,
        'required',
        'Ville Virtuaali',
        'ville.virtuaali@example.fi',
        '050 222 3344',
        'https://example.org/olohuone-oulu/luontoretket',
        NULL);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (22, 1, 1, '2026-12-12 10:00', '2026-12-12 14:00'),
    (22, 1, 2, '2027-02-13 10:00', '2027-02-13 15:00'),
    (22, 1, 3, '2027-05-15 10:00', '2027-05-15 15:00'),
    (22, 1, 4, '2027-08-21 09:00', '2027-08-21 15:00');

-- 23: Asumisen vertaisryhmä
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (23, 12, 'published', 1, 1, '2026-11-03 12:31:00+02', '2026-11-08 15:31:00+02', '2026-11-08 15:31:00+02', NULL, '2026-11-22 16:00:00+02');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (23,
        1,
        '2026-11-03 12:31:00+02',
        'Asumisen vertaisryhmä',
        'Kamratgrupp om boende',
        'Peer group on housing',
        'Vertaisryhmässä asukkaat jakavat vinkkejä asumisen arkeen: miten tehdään vikailmoitus, miten säästetään sähköä ja miten naapureiden kanssa sovitaan yhteisistä asioista. Mukana on asumisneuvoja, jolta voi kysyä omasta tilanteesta. Ryhmä on maksuton ja avoin kaikille.',
        'I kamratgruppen delar de boende tips om vardagen hemma: hur man gör en felanmälan, hur man sparar el och hur man kommer överens med grannarna om gemensamma saker. En bostadsrådgivare är med och du kan fråga om din egen situation. Gruppen är gratis och öppen för alla.',
        'In this peer group residents share tips on everyday life at home: how to report a fault, how to save electricity and how to agree on shared matters with neighbours. A housing adviser takes part, so you can ask about your own situation. The group is free and open to all.',
        ARRAY['peer_activity', 'counselling']::text[],
        ARRAY['housing', 'everyday_society']::text[],
        ARRAY['adults', 'families']::text[],
        ARRAY['fin', 'ara', 'som', 'eng']::text[],
        '179',
        false,
        false,
        'Kauppakatu 20',
        '40100',
        'Jyväskylä',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-09-03',
        '2027-05-27',
        0,
        'drop_in',
        'Pekka Testinen',
        'pekka.testinen@example.fi',
        '044 123 4567',
        'https://example.org/jyvaskyla/asumisen-vertaisryhma',
        13);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (23, 1, 1, 4, '14:00', '16:00');

-- 24: Perheleiri Keski-Suomen järvimaisemissa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (24, 32, 'published', 1, 1, '2026-08-22 08:48:00+03', '2026-08-28 11:48:00+03', '2026-08-28 11:48:00+03', NULL, '2026-08-28 11:48:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (24,
        1,
        '2026-08-22 08:48:00+03',
        'Perheleiri Keski-Suomen järvimaisemissa',
        'Familjeläger bland sjöarna i Mellersta Finland',
        'Family camp in the Central Finland lakeland',
        'Kesän perheleirillä uidaan, soudetaan, saunotaan ja tutustutaan muihin perheisiin. Ohjelmaa on kaikenikäisille, ja lapsille on omaa toimintaa ohjaajien kanssa. Leiri kestää kolme päivää, ja hinta on 10 euroa henkeä kohti sisältäen ruoat ja majoituksen. Ilmoittaudu toukokuun loppuun mennessä.',
        'På sommarens familjeläger simmar, ror och bastar vi och lär känna andra familjer. Det finns program för alla åldrar, och barnen har egen verksamhet med ledare. Lägret pågår i tre dagar och kostar 10 euro per person inklusive mat och logi. Anmäl dig senast i slutet av maj.',
        'At the summer family camp we swim, row, enjoy the sauna and get to know other families. There is something for all ages, and children have their own activities with leaders. The camp lasts three days and costs 10 euros per person including meals and accommodation. Sign up by the end of May.',
        ARRAY['camp_excursion']::text[],
        ARRAY['sport_outdoors', 'family_parenting', 'community_networks']::text[],
        ARRAY['families', 'children']::text[],
        ARRAY['fin', 'eng', 'ara', 'ukr']::text[],
        '179',
        false,
        false,
        'Leiritie 5',
        '40270',
        'Palokka',
        'Leirikeskuksen päärakennus on esteetön, mutta osa mökeistä ei ole. Kerro tarpeistasi ilmoittautuessasi.',
        'Lägercentrets huvudbyggnad är tillgänglig, men en del av stugorna är det inte. Berätta om dina behov när du anmäler dig.',
        'The camp centre''s main building is accessible, but some cabins are not. Let us know your needs when you sign up.',
        '2027-06-14',
        '2027-07-21',
        10.00,
        'required',
        'Sara Example',
        'sara.example@example.org',
        '050 111 2233',
        'https://example.org/jkl-perheet/perheleiri',
        NULL);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (24, 1, 1, '2027-06-14 10:00', '2027-06-16 15:00'),
    (24, 1, 2, '2027-07-19 10:00', '2027-07-21 15:00');

-- 25: Kohtaamispaikka Paletti
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (25, 10, 'published', 1, 1, '2026-06-15 13:05:00+03', '2026-06-17 16:05:00+03', '2026-06-17 16:05:00+03', NULL, '2026-06-26 16:05:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (25,
        1,
        '2026-06-15 13:05:00+03',
        'Kohtaamispaikka Paletti',
        'Mötesplatsen Paletti',
        'Paletti meeting place',
        'Paletti on avoin kohtaamispaikka, jossa järjestöt, seurakunta ja kaupunki ovat paikalla yhtä aikaa. Voit kysyä neuvoa arjen asioihin, etsiä itsellesi harrastuksen tai vain tulla juttelemaan. Paikalla on ohjaajia, jotka puhuvat arabiaa, venäjää, viroa ja englantia.',
        'Paletti är en öppen mötesplats där föreningar, församlingen och staden finns på plats samtidigt. Du kan fråga om råd i vardagliga ärenden, hitta en hobby eller bara komma och prata. Där finns handledare som talar arabiska, ryska, estniska och engelska.',
        'Paletti is an open meeting place where associations, the parish and the town are all present at the same time. You can ask for advice on everyday matters, find a hobby or just come for a chat. Staff there speak Arabic, Russian, Estonian and English.',
        ARRAY['meeting_place', 'counselling']::text[],
        ARRAY['community_networks', 'everyday_society', 'culture_leisure']::text[],
        ARRAY['everyone', 'newly_arrived']::text[],
        ARRAY['fin', 'ara', 'rus', 'est', 'eng']::text[],
        '106',
        false,
        false,
        'Torikatu 1',
        '05800',
        'Hyvinkää',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-02-03',
        NULL,
        0,
        'drop_in',
        'Maija Mallikas',
        'maija.mallikas@example.fi',
        '050 123 4567',
        'https://example.org/hyvinkaa/paletti',
        11);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (25, 1, 1, 2, '12:00', '16:00');

-- 26: Vapaaehtoisena Vihdissä – tehtäviä selkosuomeksi
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (26, 11, 'published', 1, 1, '2026-10-03 09:22:00+03', '2026-10-06 12:22:00+03', '2026-10-06 12:22:00+03', NULL, '2026-10-24 12:22:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (26,
        1,
        '2026-10-03 09:22:00+03',
        'Vapaaehtoisena Vihdissä – tehtäviä selkosuomeksi',
        NULL,
        NULL,
        'Etsimme vapaaehtoisia, jotka puhuvat vasta vähän suomea. Voit auttaa esimerkiksi kirjaston tapahtumissa, ulkoilupäivissä tai ruoka-avussa. Perehdytys tehdään selkosuomeksi, ja saat tukea vapaaehtoistoiminnan ohjaajalta. Samalla opit kieltä ja tutustut uusiin ihmisiin.',
        NULL,
        NULL,
        ARRAY['volunteering']::text[],
        ARRAY['community_networks', 'language']::text[],
        ARRAY['adults', 'youth']::text[],
        ARRAY['fin']::text[],
        '927',
        false,
        false,
        'Asemantie 30',
        '03100',
        'Nummela',
        'Kirjaston sisäänkäynti ja kokoustila ovat esteettömiä.',
        NULL,
        NULL,
        '2026-04-01',
        NULL,
        0,
        'required',
        'Hanna Kokeilu',
        'hanna.kokeilu@example.fi',
        '044 111 2233',
        'https://example.org/vihti/vapaaehtoisena',
        12);

-- 27: Suomen kielen kielikerho Orimattilassa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (27, 7, 'published', 1, 1, '2026-07-22 05:39:00+03', '2026-07-26 08:39:00+03', '2026-07-26 08:39:00+03', NULL, '2026-08-22 08:39:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (27,
        1,
        '2026-07-22 05:39:00+03',
        'Suomen kielen kielikerho Orimattilassa',
        'Finsk språkklubb i Orimattila',
        'Finnish language club in Orimattila',
        'Kielikerhossa harjoitellaan suomea pienissä ryhmissä arjen aiheiden avulla. Ohjaajat ovat vapaaehtoisia orimattilalaisia, ja kerhossa on aina aikaa myös vapaalle keskustelulle. Kerho on maksuton, eikä ilmoittautumista tarvita.',
        'I språkklubben övar vi finska i små grupper kring vardagliga teman. Ledarna är frivilliga från Orimattila, och det finns alltid tid för fritt samtal. Klubben är gratis och ingen anmälan behövs.',
        'In the language club we practise Finnish in small groups around everyday topics. The leaders are local volunteers, and there is always time for free conversation. The club is free and there is no need to sign up.',
        ARRAY['language_club']::text[],
        ARRAY['language']::text[],
        ARRAY['adults', 'newly_arrived']::text[],
        ARRAY['fin', 'ara', 'prs', 'ukr']::text[],
        '560',
        false,
        false,
        'Erkontie 16',
        '16300',
        'Orimattila',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-08-24',
        '2027-05-24',
        0,
        'drop_in',
        'Pekka Testinen',
        'pekka.testinen@example.fi',
        '044 123 4567',
        'https://example.org/orimattila/kielikerho',
        5);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (27, 1, 1, 1, '17:00', '18:30');

-- 28: Suomi tutuksi – yhteiskuntatiedon verkkokurssi
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (28, 8, 'published', 1, 1, '2026-11-09 10:56:00+02', '2026-11-14 13:56:00+02', '2026-11-14 13:56:00+02', NULL, '2026-11-14 13:56:00+02');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (28,
        1,
        '2026-11-09 10:56:00+02',
        'Suomi tutuksi – yhteiskuntatiedon verkkokurssi',
        'Lär känna Finland – webbkurs i samhällskunskap',
        'Getting to know Finland – online course on society',
        'Maksuttomalla verkkokurssilla opit omaan tahtiisi, miten Suomessa toimivat esimerkiksi koulu, terveydenhuolto, työelämä ja verotus. Kurssin videot on tekstitetty usealle kielelle, ja jokaisen osion lopussa on pieni tehtävä. Kurssille ei tarvitse ilmoittautua.',
        'På den kostnadsfria webbkursen lär du dig i din egen takt hur till exempel skolan, hälsovården, arbetslivet och beskattningen fungerar i Finland. Videorna är textade på flera språk, och varje avsnitt avslutas med en liten uppgift. Du behöver inte anmäla dig.',
        'On this free online course you learn at your own pace how things like school, health care, working life and taxation work in Finland. The videos are subtitled in several languages, and each part ends with a short task. No registration needed.',
        ARRAY['online_phone', 'training']::text[],
        ARRAY['everyday_society', 'digital_skills', 'work_education']::text[],
        ARRAY['adults', 'newly_arrived']::text[],
        ARRAY['fin', 'eng', 'ara', 'rus', 'ukr', 'fas']::text[],
        NULL,
        true,
        false,
        NULL,
        NULL,
        NULL,
        NULL,
        NULL,
        NULL,
        '2026-03-01',
        NULL,
        0,
        'drop_in',
        'Maija Mallikas',
        'maija.mallikas@example.fi',
        '050 123 4567',
        'https://example.org/hameenlinna/suomi-tutuksi',
        6);

-- 29: Kotoa kotiin – naisten ryhmä, lapset mukaan
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (29, 16, 'published', 1, 1, '2026-08-28 06:13:00+03', '2026-09-03 09:13:00+03', '2026-09-03 09:13:00+03', NULL, '2026-09-12 09:13:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (29,
        1,
        '2026-08-28 06:13:00+03',
        'Kotoa kotiin – naisten ryhmä, lapset mukaan',
        'Kotoa kotiin – kvinnogrupp, barnen får följa med',
        'Kotoa kotiin – women''s group, children welcome',
        'Ryhmä on tarkoitettu naisille, jotka ovat kotona lasten kanssa ja haluavat oppia suomea ja tutustua Lahden palveluihin. Tapaamisissa harjoitellaan kieltä, käydään yhdessä kirjastossa ja kaupassa ja kuullaan vierailijoita. Kokeneemmat maahan muuttaneet naiset toimivat mentoreina. Lastenhoito järjestetään samassa tilassa.',
        'Gruppen är till för kvinnor som är hemma med barn och vill lära sig finska och bekanta sig med tjänsterna i Lahtis. På träffarna övar vi språk, besöker biblioteket och butiken tillsammans och lyssnar på gäster. Invandrarkvinnor som bott längre i Finland fungerar som mentorer. Barnpassning ordnas i samma lokal.',
        'The group is for women who stay at home with their children and want to learn Finnish and get to know services in Lahti. At the meetings we practise the language, visit the library and shops together and hear from guests. Women who came to Finland earlier act as mentors. Childcare is provided in the same room.',
        ARRAY['peer_activity', 'language_club', 'mentoring']::text[],
        ARRAY['language', 'family_parenting', 'everyday_society']::text[],
        ARRAY['women', 'families']::text[],
        ARRAY['fin', 'ara', 'kur', 'prs', 'tha']::text[],
        '398',
        false,
        false,
        'Mukkulankatu 19',
        '15210',
        'Lahti',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-08-26',
        '2027-05-26',
        0,
        'required',
        'Fatima Mallinen',
        'fatima.mallinen@example.fi',
        '040 111 2233',
        'https://example.org/lab/kotoa-kotiin',
        18);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (29, 1, 1, 3, '09:30', '12:00');

-- 30: Pyöräilykoulu aikuisille
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (30, 33, 'published', 1, 1, '2026-06-21 11:30:00+03', '2026-06-23 14:30:00+03', '2026-06-23 14:30:00+03', NULL, '2026-07-11 14:30:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (30,
        1,
        '2026-06-21 11:30:00+03',
        'Pyöräilykoulu aikuisille',
        'Cykelskola för vuxna',
        'Cycling school for adults',
        'Pyöräilykoulussa opit ajamaan polkupyörällä turvallisesti, vaikket olisi koskaan ajanut. Harjoittelemme ensin rauhallisella kentällä ja lopuksi liikenteessä. Pyörät ja kypärät saa lainaksi. Kurssi on maksuton, ja naisille on oma ryhmä.',
        'I cykelskolan lär du dig cykla tryggt, även om du aldrig har cyklat förut. Vi övar först på en lugn plan och till sist i trafiken. Cyklar och hjälmar kan lånas. Kursen är gratis, och kvinnorna har en egen grupp.',
        'At the cycling school you learn to ride a bike safely, even if you have never cycled before. We start on a quiet practice area and finally ride in traffic. Bikes and helmets can be borrowed. The course is free, and there is a separate group for women.',
        ARRAY['training']::text[],
        ARRAY['sport_outdoors', 'everyday_society']::text[],
        ARRAY['adults', 'women']::text[],
        ARRAY['fin', 'ara', 'som', 'eng']::text[],
        '398',
        false,
        false,
        'Kisapuistonkatu 1',
        '15110',
        'Lahti',
        'Retket kulkevat osin epätasaisessa maastossa. Kerro ilmoittautuessasi, jos tarvitset apua liikkumiseen, niin suunnittelemme reitin yhdessä.',
        'Utflykterna går delvis i ojämn terräng. Berätta när du anmäler dig om du behöver hjälp att röra dig, så planerar vi rutten tillsammans.',
        'The trips partly cross uneven ground. Tell us when you sign up if you need help getting around and we will plan the route together.',
        '2027-04-20',
        '2027-05-25',
        0,
        'required',
        'Amina Testinen',
        'amina.testinen@example.org',
        '040 222 3344',
        'https://example.org/lahti-kohtaamispaikka/pyorailykoulu',
        NULL);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (30, 1, 1, '2027-04-20 17:00', '2027-04-20 18:30'),
    (30, 1, 2, '2027-04-27 17:00', '2027-04-27 18:30'),
    (30, 1, 3, '2027-05-04 17:00', '2027-05-04 18:30'),
    (30, 1, 4, '2027-05-11 17:00', '2027-05-11 18:30'),
    (30, 1, 5, '2027-05-18 17:00', '2027-05-18 18:30'),
    (30, 1, 6, '2027-05-25 17:00', '2027-05-25 18:30');

-- 31: Monikulttuurinen kohtaamispaikka Kompassi
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (31, 22, 'published', 1, 1, '2026-10-09 07:47:00+03', '2026-10-12 10:47:00+03', '2026-10-12 10:47:00+03', NULL, '2026-11-08 10:47:00+02');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (31,
        1,
        '2026-10-09 07:47:00+03',
        'Monikulttuurinen kohtaamispaikka Kompassi',
        'Mångkulturella mötesplatsen Kompassi',
        'Kompassi multicultural meeting place',
        'Kompassissa voit tavata muita, juoda kahvia ja saada apua arjen asioihin, kuten lomakkeisiin, digipalveluihin ja kirjeiden ymmärtämiseen. Ohjaajat ja vapaaehtoiset puhuvat suomea, venäjää, ukrainaa, arabiaa, viroa ja englantia. Toiminta on kaikille avointa ja maksutonta, eikä aikaa tarvitse varata.',
        'På Kompassi kan du träffa andra, dricka kaffe och få hjälp med vardagliga ärenden som blanketter, digitala tjänster och att förstå brev. Handledarna och de frivilliga talar finska, ryska, ukrainska, arabiska, estniska och engelska. Verksamheten är öppen för alla och gratis, och du behöver inte boka tid.',
        'At Kompassi you can meet people, have a coffee and get help with everyday things like forms, digital services and understanding letters. Staff and volunteers speak Finnish, Russian, Ukrainian, Arabic, Estonian and English. Everyone is welcome, it is free, and no appointment is needed.',
        ARRAY['meeting_place', 'counselling']::text[],
        ARRAY['community_networks', 'digital_skills', 'everyday_society']::text[],
        ARRAY['everyone']::text[],
        ARRAY['fin', 'rus', 'ukr', 'ara', 'est', 'eng']::text[],
        '285',
        false,
        false,
        'Keskuskatu 33',
        '48100',
        'Kotka',
        'Sisäänkäynnillä on kaksi porrasta, mutta siirrettävä luiska on saatavilla. Wc ei ole esteetön.',
        'Två trappsteg vid ingången, men en flyttbar ramp finns. Toaletten är inte tillgänglig.',
        'Two steps at the entrance, but a portable ramp is available. The toilet is not accessible.',
        '2026-01-05',
        NULL,
        0,
        'drop_in',
        'Olena Esimerkki',
        'olena.esimerkki@example.org',
        '044 765 4321',
        'https://example.org/kompassi',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (31, 1, 1, 1, '10:00', '15:00'),
    (31, 1, 2, 2, '10:00', '15:00'),
    (31, 1, 3, 3, '10:00', '15:00'),
    (31, 1, 4, 4, '10:00', '15:00');

-- 32: Tutustumisretket Kymenlaaksossa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (32, 22, 'published', 1, 1, '2026-07-28 12:04:00+03', '2026-08-01 15:04:00+03', '2026-08-01 15:04:00+03', NULL, '2026-08-01 15:04:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (32,
        1,
        '2026-07-28 12:04:00+03',
        'Tutustumisretket Kymenlaaksossa',
        NULL,
        NULL,
        'Retkillä tutustutaan Kymenlaakson nähtävyyksiin ja luontoon: vierailemme esimerkiksi merikeskuksessa, keisarillisella kalastusmajalla ja kansallispuistossa. Retki maksaa 5 euroa, ja hintaan sisältyy bussikuljetus. Ilmoittaudu Kompassiin viikkoa ennen retkeä.',
        NULL,
        NULL,
        ARRAY['camp_excursion']::text[],
        ARRAY['culture_leisure', 'sport_outdoors']::text[],
        ARRAY['everyone', 'families']::text[],
        ARRAY['fin', 'rus', 'eng']::text[],
        '285',
        false,
        false,
        'Keskuskatu 33',
        '48100',
        'Kotka',
        'Bussissa on tilaa pyörätuolille. Kerro tarpeistasi ilmoittautuessasi.',
        NULL,
        NULL,
        '2027-02-20',
        '2027-08-14',
        5.00,
        'required',
        'Olena Esimerkki',
        'olena.esimerkki@example.org',
        '044 765 4321',
        'https://example.org/kompassi/retket',
        NULL);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (32, 1, 1, '2027-02-20 10:00', '2027-02-20 15:00'),
    (32, 1, 2, '2027-05-22 10:00', '2027-05-22 16:00'),
    (32, 1, 3, '2027-08-14 09:00', '2027-08-14 16:00');

-- 33: Svenskt språkcafé i Vasa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (33, 24, 'published', 1, 1, '2026-05-16 08:21:00+03', '2026-05-21 11:21:00+03', '2026-05-21 11:21:00+03', NULL, '2026-05-30 11:21:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (33,
        1,
        '2026-05-16 08:21:00+03',
        NULL,
        'Svenskt språkcafé i Vasa',
        NULL,
        NULL,
        'På språkcaféet övar vi svenska tillsammans med vasabor som gärna pratar med nya bekanta. Vi pratar om vardag, arbete och fritid, och ingen behöver kunna perfekt. Caféet är gratis och du kan komma utan anmälan.',
        NULL,
        ARRAY['language_club', 'meeting_place']::text[],
        ARRAY['language', 'community_networks']::text[],
        ARRAY['adults', 'everyone']::text[],
        ARRAY['swe', 'eng', 'ara']::text[],
        '905',
        false,
        false,
        'Handelsesplanaden 20',
        '65100',
        'Vasa',
        NULL,
        'Caféet ligger i gatuplanet med tillgänglig entré.',
        NULL,
        '2026-09-03',
        '2027-05-27',
        0,
        'drop_in',
        'Karin Exempel',
        'karin.exempel@example.org',
        '040 765 4321',
        'https://example.org/motesplats-vasa/sprakcafe',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (33, 1, 1, 4, '17:00', '18:30');

-- 34: Läksyapu koululaisille Vaasassa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (34, 24, 'published', 1, 1, '2026-09-03 13:38:00+03', '2026-09-09 16:38:00+03', '2026-09-09 16:38:00+03', NULL, '2026-09-27 16:38:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (34,
        1,
        '2026-09-03 13:38:00+03',
        'Läksyapu koululaisille Vaasassa',
        'Läxhjälp för skolbarn i Vasa',
        'Homework help for schoolchildren in Vaasa',
        'Läksyapu on avoinna kaikille koululaisille, jotka haluavat tukea kotitehtäviin. Vapaaehtoiset opiskelijat auttavat ruotsiksi, suomeksi ja englanniksi, ja osa osaa myös arabiaa ja somalia. Läksyapu on maksutonta, eikä ilmoittautumista tarvita. Myös vanhemmat ovat tervetulleita.',
        'Läxhjälpen är öppen för alla skolbarn som vill ha stöd med läxorna. Frivilliga studerande hjälper på svenska, finska och engelska, och några kan också arabiska och somaliska. Läxhjälp är gratis och du kan komma utan anmälan. Föräldrar är också välkomna.',
        'Homework help is open to all schoolchildren who want support with their homework. Volunteer students help in Swedish, Finnish and English, and some also speak Arabic and Somali. It is free and there is no need to sign up. Parents are welcome too.',
        ARRAY['homework_club']::text[],
        ARRAY['language', 'work_education']::text[],
        ARRAY['children', 'youth', 'families']::text[],
        ARRAY['swe', 'fin', 'eng', 'ara', 'som']::text[],
        '905',
        false,
        false,
        'Kirjastonkatu 13',
        '65100',
        'Vaasa',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-08-18',
        '2027-05-27',
        0,
        'drop_in',
        'Johan Provsson',
        'johan.provsson@example.org',
        '050 765 4321',
        'https://example.org/motesplats-vasa/laxhjalp',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (34, 1, 1, 2, '15:00', '17:00'),
    (34, 1, 2, 4, '15:00', '17:00');

-- 35: Perheiden vertaisryhmä Pudasjärvellä
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (35, 17, 'published', 1, 1, '2026-06-27 09:55:00+03', '2026-06-29 12:55:00+03', '2026-06-29 12:55:00+03', NULL, '2026-07-26 12:55:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (35,
        1,
        '2026-06-27 09:55:00+03',
        'Perheiden vertaisryhmä Pudasjärvellä',
        'Kamratgrupp för familjer i Pudasjärvi',
        'Peer group for families in Pudasjärvi',
        'Vertaisryhmässä perheet tapaavat toisiaan, jakavat kokemuksia uudessa kotikunnassa asumisesta ja saavat tietoa paikallisista palveluista. Ryhmää ohjaavat koulutetut vertaistukiohjaajat, joista osa on itse muuttanut Suomeen. Lapsille on samaan aikaan omaa ohjelmaa.',
        'I kamratgruppen träffas familjer, delar erfarenheter av att bo i en ny hemkommun och får information om lokala tjänster. Gruppen leds av utbildade kamratstödsledare, av vilka en del själva har flyttat till Finland. Barnen har eget program samtidigt.',
        'In the peer group families meet, share experiences of living in a new home town and learn about local services. The group is led by trained peer support leaders, some of whom have moved to Finland themselves. Children have their own programme at the same time.',
        ARRAY['peer_activity']::text[],
        ARRAY['family_parenting', 'community_networks']::text[],
        ARRAY['families', 'newly_arrived']::text[],
        ARRAY['fin', 'ara', 'tir', 'eng']::text[],
        '615',
        false,
        false,
        'Varsitie 7',
        '93100',
        'Pudasjärvi',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-08-25',
        '2027-06-01',
        0,
        'drop_in',
        'Pekka Testinen',
        'pekka.testinen@example.fi',
        '044 123 4567',
        'https://example.org/pudasjarvi/perheiden-vertaisryhma',
        19);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (35, 1, 1, 2, '13:00', '15:00');

-- 36: Tukiperhetoiminta pakolaistaustaisille perheille
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (36, 13, 'published', 1, 1, '2026-10-15 05:12:00+03', '2026-10-18 08:12:00+03', '2026-10-18 08:12:00+03', NULL, '2026-10-18 08:12:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (36,
        1,
        '2026-10-15 05:12:00+03',
        'Tukiperhetoiminta pakolaistaustaisille perheille',
        'Stödfamiljer för familjer med flyktingbakgrund',
        'Support families for families with a refugee background',
        'Toiminnassa pakolaistaustainen perhe ja vapaaehtoinen tukiperhe tutustuvat toisiinsa ja tapaavat omaan tahtiinsa, esimerkiksi retkillä, leikkipuistossa tai kahvilla. Tukiperhe auttaa löytämään harrastuksia ja vastaa arjen kysymyksiin. Pelastakaa Lapset kouluttaa vapaaehtoiset ja tukee perheitä koko ajan. Ota yhteyttä, niin kerromme lisää.',
        'En familj med flyktingbakgrund och en frivillig stödfamilj lär känna varandra och träffas i egen takt, till exempel på utflykter, i lekparken eller på kaffe. Stödfamiljen hjälper till att hitta hobbyer och svarar på vardagliga frågor. Rädda Barnen utbildar de frivilliga och stöder familjerna hela tiden. Kontakta oss så berättar vi mer.',
        'A family with a refugee background and a volunteer support family get to know each other and meet at their own pace – on outings, at the playground or over coffee. The support family helps find hobbies and answers everyday questions. Save the Children trains the volunteers and supports the families throughout. Get in touch to find out more.',
        ARRAY['mentoring', 'peer_activity']::text[],
        ARRAY['family_parenting', 'community_networks']::text[],
        ARRAY['families', 'children', 'newly_arrived']::text[],
        ARRAY['fin', 'eng', 'ara', 'prs']::text[],
        '092',
        false,
        false,
        'Tikkurilantie 44',
        '01300',
        'Vantaa',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-02-01',
        NULL,
        0,
        'required',
        'Sara Example',
        'sara.example@example.org',
        '050 111 2233',
        'https://example.org/pela/tukiperheet',
        14);

-- 37: Vapaaehtoiseksi perheretkille
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (37, 13, 'published', 1, 1, '2026-08-03 10:29:00+03', '2026-08-07 13:29:00+03', '2026-08-07 13:29:00+03', NULL, '2026-08-16 13:29:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (37,
        1,
        '2026-08-03 10:29:00+03',
        'Vapaaehtoiseksi perheretkille',
        'Bli frivillig på familjeutflykter',
        'Volunteer on family outings',
        'Etsimme vapaaehtoisia perheretkille, ja erityisesti toivomme mukaan ihmisiä, jotka puhuvat vielä vähän suomea. Voit auttaa retkien järjestelyissä, leikittää lapsia tai tulkata omalla kielelläsi. Ennen ensimmäistä retkeä järjestämme perehdytyksen selkosuomeksi. Retket ovat vapaaehtoisille maksuttomia.',
        'Vi söker frivilliga till familjeutflykter och välkomnar särskilt dig som ännu talar lite finska. Du kan hjälpa till med arrangemangen, leka med barnen eller tolka på ditt eget språk. Före den första utflykten ordnar vi en introduktion på lättläst finska. Utflykterna är gratis för frivilliga.',
        'We are looking for volunteers for family outings and especially welcome people who still speak only a little Finnish. You can help organise the trips, play with the children or interpret in your own language. Before the first outing we hold an introduction in plain Finnish. Outings are free for volunteers.',
        ARRAY['volunteering', 'camp_excursion']::text[],
        ARRAY['community_networks', 'sport_outdoors', 'family_parenting']::text[],
        ARRAY['adults', 'youth']::text[],
        ARRAY['fin', 'ara', 'som', 'prs', 'eng']::text[],
        '092',
        false,
        false,
        'Tikkurilantie 44',
        '01300',
        'Vantaa',
        'Retket kulkevat osin epätasaisessa maastossa. Kerro ilmoittautuessasi, jos tarvitset apua liikkumiseen, niin suunnittelemme reitin yhdessä.',
        'Utflykterna går delvis i ojämn terräng. Berätta när du anmäler dig om du behöver hjälp att röra dig, så planerar vi rutten tillsammans.',
        'The trips partly cross uneven ground. Tell us when you sign up if you need help getting around and we will plan the route together.',
        '2027-01-16',
        '2027-06-05',
        0,
        'required',
        'Sara Example',
        'sara.example@example.org',
        '050 111 2233',
        'https://example.org/pela/vapaaehtoiseksi-retkille',
        14);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (37, 1, 1, '2027-01-16 10:00', '2027-01-16 12:00'),
    (37, 1, 2, '2027-03-13 10:00', '2027-03-13 15:00'),
    (37, 1, 3, '2027-05-08 10:00', '2027-05-08 15:00'),
    (37, 1, 4, '2027-06-05 10:00', '2027-06-05 16:00');

-- 38: Kielikerho ukrainalaisille perheille
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (38, 26, 'published', 1, 1, '2026-05-22 06:46:00+03', '2026-05-27 09:46:00+03', '2026-05-27 09:46:00+03', NULL, '2026-06-14 09:46:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (38,
        1,
        '2026-05-22 06:46:00+03',
        'Kielikerho ukrainalaisille perheille',
        'Språkklubb för ukrainska familjer',
        'Language club for Ukrainian families',
        'Lauantain kielikerhossa ukrainalaiset ja venäjää puhuvat perheet harjoittelevat suomea leikkien, laulujen ja pelien avulla. Vanhemmat ja lapset ovat mukana yhdessä. Kerho on avoin kaikille, eikä osallistuminen edellytä seurakunnan jäsenyyttä.',
        'I lördagens språkklubb övar ukrainska och ryskspråkiga familjer finska med hjälp av lekar, sånger och spel. Föräldrar och barn deltar tillsammans. Klubben är öppen för alla och du behöver inte vara medlem i församlingen.',
        'At the Saturday language club Ukrainian- and Russian-speaking families practise Finnish through games, songs and play. Parents and children take part together. The club is open to everyone – you do not need to be a member of the parish.',
        ARRAY['language_club']::text[],
        ARRAY['language', 'family_parenting']::text[],
        ARRAY['families', 'children']::text[],
        ARRAY['ukr', 'rus', 'fin']::text[],
        '091',
        false,
        false,
        'Liisankatu 29',
        '00170',
        'Helsinki',
        'Tila on toisessa kerroksessa, eikä talossa ole hissiä. Kerro etukäteen, jos tarvitset apua, niin tapaamme alakerrassa.',
        'Lokalen ligger i andra våningen och huset har ingen hiss. Säg till på förhand om du behöver hjälp, så träffas vi på nedre botten.',
        'The room is upstairs and there is no lift. Tell us in advance if you need help and we will meet downstairs.',
        '2026-08-29',
        '2027-05-29',
        0,
        'drop_in',
        'Olena Esimerkki',
        'olena.esimerkki@example.org',
        '044 765 4321',
        'https://example.org/ortodoksinen/kielikerho',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (38, 1, 1, 6, '11:00', '12:30');

-- 39: Monikielinen tukipuhelin
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (39, 19, 'published', 1, 1, '2026-09-09 11:03:00+03', '2026-09-15 14:03:00+03', '2026-09-15 14:03:00+03', NULL, '2026-10-12 14:03:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (39,
        1,
        '2026-09-09 11:03:00+03',
        'Monikielinen tukipuhelin',
        'Flerspråkig stödtelefon',
        'Multilingual support line',
        'Tukipuhelimeen voit soittaa, kun tarvitset apua arjen asiassa tai haluat vain puhua jonkun kanssa. Vapaaehtoiset vastaavat suomeksi, englanniksi ja monella muulla kielellä, kuten arabiaksi, somaliksi, venäjäksi, ukrainaksi, dariksi, persiaksi ja tigrinjaksi. Puhelu on maksuton ja luottamuksellinen. Voit soittaa mistä päin Suomea tahansa.',
        'Du kan ringa stödtelefonen när du behöver hjälp med något i vardagen eller bara vill prata med någon. Frivilliga svarar på finska, engelska och många andra språk, som arabiska, somaliska, ryska, ukrainska, dari, persiska och tigrinja. Samtalet är gratis och konfidentiellt. Du kan ringa var du än bor i Finland.',
        'Call the support line when you need help with something in everyday life or just want to talk to someone. Volunteers answer in Finnish, English and many other languages, including Arabic, Somali, Russian, Ukrainian, Dari, Persian and Tigrinya. Calls are free and confidential. You can call from anywhere in Finland.',
        ARRAY['online_phone', 'counselling']::text[],
        ARRAY['everyday_society', 'health_wellbeing']::text[],
        ARRAY['everyone']::text[],
        ARRAY['fin', 'eng', 'ara', 'som', 'rus', 'ukr', 'prs', 'fas', 'tir']::text[],
        NULL,
        true,
        true,
        NULL,
        NULL,
        NULL,
        NULL,
        NULL,
        NULL,
        '2026-01-02',
        NULL,
        0,
        'drop_in',
        'Tukipuhelin / Stödtelefonen',
        'tukipuhelin@example.org',
        '0800 123 456',
        'https://example.org/spr/tukipuhelin',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (39, 1, 1, 1, '09:00', '12:00'),
    (39, 1, 2, 2, '09:00', '12:00'),
    (39, 1, 3, 3, '09:00', '12:00'),
    (39, 1, 4, 4, '09:00', '12:00'),
    (39, 1, 5, 5, '09:00', '12:00'),
    (39, 1, 6, 3, '17:00', '20:00');

-- 40: Kielikerho nuorille aikuisille: demokratian kieli
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (40, 1, 'published', 1, 1, '2026-07-03 07:20:00+03', '2026-07-05 10:20:00+03', '2026-07-05 10:20:00+03', NULL, '2026-07-05 10:20:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (40,
        1,
        '2026-07-03 07:20:00+03',
        'Kielikerho nuorille aikuisille: demokratian kieli',
        'Språkklubb för unga vuxna: demokratins språk',
        'Language club for young adults: the language of democracy',
        'Kielikerhossa nuoret aikuiset harjoittelevat suomea, jota tarvitaan vaikuttamisessa ja yhteiskunnassa: äänestäminen, järjestöt, mielipiteen kertominen ja omat oikeudet. Teemme videoita ja pelejä, ja kerholaiset ideoivat itse sisältöjä. Kerho kokoontuu Oodissa, ja mukaan voi tulla ilman ilmoittautumista.',
        'I språkklubben övar unga vuxna den finska som behövs för att påverka och delta i samhället: att rösta, föreningar, att säga sin åsikt och sina rättigheter. Vi gör videor och spel, och deltagarna hittar själva på innehåll. Klubben träffas i Ode, och du kan komma utan anmälan.',
        'In this language club young adults practise the Finnish needed to make their voices heard: voting, associations, expressing opinions and knowing your rights. We make videos and games, and members come up with content themselves. The club meets at Oodi library, and you can drop in without signing up.',
        ARRAY['language_club', 'training']::text[],
        ARRAY['language', 'rights_equality']::text[],
        ARRAY['youth']::text[],
        ARRAY['fin', 'eng', 'ara', 'prs', 'som']::text[],
        '091',
        false,
        false,
        'Töölönlahdenkatu 4',
        '00100',
        'Helsinki',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-09-03',
        '2027-05-27',
        0,
        'drop_in',
        'Liisa Esimerkki',
        'liisa.esimerkki@example.org',
        '040 123 4567',
        'https://example.org/kua/demokratian-kieli',
        9);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (40, 1, 1, 4, '17:00', '19:00');

-- 41: Verkkokielikerho kotona oleville äideille
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (41, 1, 'published', 1, 1, '2026-10-21 12:37:00+03', '2026-10-24 15:37:00+03', '2026-10-24 15:37:00+03', NULL, '2026-11-02 15:37:00+02');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (41,
        1,
        '2026-10-21 12:37:00+03',
        'Verkkokielikerho kotona oleville äideille',
        NULL,
        'Online language club for mothers at home',
        'Verkkokielikerho on tarkoitettu äideille, joiden on vaikea lähteä kodin ulkopuolelle. Tapaamme videopuhelussa kerran viikossa ja harjoittelemme suomea arjen tilanteissa. Ohjaaja puhuu myös arabiaa, somalia ja kurdia. Ilmoittaudu, niin saat linkin ja ohjeet puhelimeesi.',
        NULL,
        'This online language club is for mothers who find it hard to leave home. We meet once a week on a video call and practise Finnish for everyday situations. The leader also speaks Arabic, Somali and Kurdish. Sign up to get the link and instructions on your phone.',
        ARRAY['language_club', 'online_phone']::text[],
        ARRAY['language', 'family_parenting']::text[],
        ARRAY['women', 'families']::text[],
        ARRAY['fin', 'ara', 'som', 'kur']::text[],
        NULL,
        true,
        false,
        NULL,
        NULL,
        NULL,
        NULL,
        NULL,
        NULL,
        '2026-09-01',
        '2027-05-25',
        0,
        'required',
        'Liisa Esimerkki',
        'liisa.esimerkki@example.org',
        '040 123 4567',
        'https://example.org/kua/verkkokielikerho',
        9);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (41, 1, 1, 2, '10:00', '11:00');

-- 42: Vapaaehtoiseksi kirjaston satutuokioihin omalla kielellä
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (42, 1, 'published', 1, 1, '2026-08-09 08:54:00+03', '2026-08-13 11:54:00+03', '2026-08-13 11:54:00+03', NULL, '2026-08-31 11:54:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (42,
        1,
        '2026-08-09 08:54:00+03',
        'Vapaaehtoiseksi kirjaston satutuokioihin omalla kielellä',
        'Bli frivillig sagoläsare på ditt eget språk',
        'Volunteer as a storyteller in your own language',
        'Etsimme vapaaehtoisia lukemaan satuja lapsille omalla äidinkielellään Vuosaaren kirjastossa. Tehtävä sopii hyvin sinulle, joka puhut vasta vähän suomea: perehdytys on selkosuomeksi, ja kirjaston työntekijä on aina mukana. Samalla tutustut kirjastoon ja muihin vapaaehtoisiin.',
        'Vi söker frivilliga som läser sagor för barn på sitt eget modersmål på Nordsjö bibliotek. Uppgiften passar bra om du ännu talar lite finska: introduktionen sker på lättläst finska och en bibliotekarie är alltid med. Samtidigt lär du känna biblioteket och andra frivilliga.',
        'We are looking for volunteers to read stories to children in their mother tongue at Vuosaari library. The task suits you well even if you speak only a little Finnish: the introduction is in plain Finnish, and a library worker is always present. You will also get to know the library and other volunteers.',
        ARRAY['volunteering']::text[],
        ARRAY['language', 'culture_leisure', 'community_networks']::text[],
        ARRAY['adults']::text[],
        ARRAY['fin', 'ara', 'som', 'rus', 'ukr', 'prs', 'fas']::text[],
        '091',
        false,
        false,
        'Mosaiikkitori 2',
        '00980',
        'Helsinki',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-09-05',
        '2027-05-29',
        0,
        'required',
        'Maija Mallikas',
        'maija.mallikas@example.fi',
        '050 123 4567',
        'https://example.org/kua/satutuokiot',
        9);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (42, 1, 1, 6, '11:00', '12:00');

-- 43: Läksykerho ja lukukaverit
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (43, 32, 'published', 1, 1, '2026-05-28 13:11:00+03', '2026-06-02 16:11:00+03', '2026-06-02 16:11:00+03', NULL, '2026-06-29 16:11:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (43,
        1,
        '2026-05-28 13:11:00+03',
        'Läksykerho ja lukukaverit',
        'Läxklubb och läskompisar',
        'Homework club and reading buddies',
        'Läksykerhossa alakoululaiset tekevät kotitehtäviä vapaaehtoisten tuella ja lukevat yhdessä lukukaverin kanssa. Kerhossa on rauhallinen tila, välipala ja apua myös arabiaksi, englanniksi ja ukrainaksi. Kerho on maksuton, ja sinne voi tulla ilman ilmoittautumista.',
        'I läxklubben gör lågstadieelever sina läxor med stöd av frivilliga och läser tillsammans med en läskompis. Klubben har ett lugnt utrymme, mellanmål och hjälp också på arabiska, engelska och ukrainska. Den är gratis och du kan komma utan anmälan.',
        'At the homework club primary school pupils do their homework with the help of volunteers and read together with a reading buddy. There is a quiet room, a snack and help in Arabic, English and Ukrainian too. The club is free and you can come without signing up.',
        ARRAY['homework_club']::text[],
        ARRAY['language', 'culture_leisure']::text[],
        ARRAY['children']::text[],
        ARRAY['fin', 'ara', 'eng', 'ukr']::text[],
        '179',
        false,
        false,
        'Väinönkatu 11',
        '40100',
        'Jyväskylä',
        'Esteetön sisäänkäynti pihan puolelta. Kerhohuoneessa on induktiosilmukka.',
        'Tillgänglig ingång från gårdssidan. Klubbrummet har hörslinga.',
        'Step-free entrance from the courtyard. Induction loop in the club room.',
        '2026-08-17',
        '2027-05-26',
        0,
        'drop_in',
        'Sara Example',
        'sara.example@example.org',
        '050 111 2233',
        'https://example.org/jkl-perheet/laksykerho',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (43, 1, 1, 1, '15:00', '17:00'),
    (43, 1, 2, 3, '15:00', '17:00');

-- 44: Digital help drop-in: e-services made easy
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (44, 20, 'published', 1, 1, '2026-09-15 09:28:00+03', '2026-09-21 12:28:00+03', '2026-09-21 12:28:00+03', NULL, '2026-09-21 12:28:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (44,
        1,
        '2026-09-15 09:28:00+03',
        NULL,
        NULL,
        'Digital help drop-in: e-services made easy',
        NULL,
        NULL,
        'Struggling with online banking, e-services or the My Kanta pages? Bring your phone or laptop and our volunteers will help you step by step. Help is available in English, Swedish and Finnish. Free of charge, no appointment needed.',
        ARRAY['counselling', 'training']::text[],
        ARRAY['digital_skills', 'everyday_society']::text[],
        ARRAY['adults', 'seniors']::text[],
        ARRAY['eng', 'swe', 'fin']::text[],
        '091',
        false,
        false,
        'Simonkatu 8',
        '00100',
        'Helsinki',
        NULL,
        NULL,
        'Step-free entrance from the street and an accessible toilet.',
        '2026-09-02',
        '2027-05-26',
        0,
        'drop_in',
        'Karin Exempel',
        'karin.exempel@example.org',
        '040 765 4321',
        'https://example.org/luckan/digital-help',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (44, 1, 1, 3, '14:00', '16:00');

-- 45: Asukastupa – avoin kohtaamispaikka
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (45, 8, 'published', 1, 1, '2026-07-09 05:45:00+03', '2026-07-11 08:45:00+03', '2026-07-11 08:45:00+03', NULL, '2026-07-20 08:45:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (45,
        1,
        '2026-07-09 05:45:00+03',
        'Asukastupa – avoin kohtaamispaikka',
        NULL,
        NULL,
        'Asukastupa on kaikille avoin olohuone, jossa voi lukea lehtiä, pelata, käyttää tietokonetta ja tavata naapureita. Tiistaisin ja torstaisin paikalla on ohjaaja, joka auttaa myös venäjäksi ja arabiaksi. Kahvi ja kaikki toiminta ovat maksuttomia.',
        NULL,
        NULL,
        ARRAY['meeting_place']::text[],
        ARRAY['community_networks', 'everyday_society']::text[],
        ARRAY['everyone']::text[],
        ARRAY['fin', 'rus', 'ara']::text[],
        '109',
        false,
        false,
        'Viipurintie 4',
        '13200',
        'Hämeenlinna',
        'Asukastuvalle on esteetön kulku pihan puolelta.',
        NULL,
        NULL,
        '2026-01-13',
        NULL,
        0,
        'drop_in',
        'Hanna Kokeilu',
        'hanna.kokeilu@example.fi',
        '044 111 2233',
        'https://example.org/hameenlinna/asukastupa',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (45, 1, 1, 2, '10:00', '14:00'),
    (45, 1, 2, 4, '10:00', '14:00');

-- 46: Työnhakijoiden vertaisryhmä Ison Omenan palvelutorilla
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (46, 3, 'published', 1, 1, '2026-10-27 10:02:00+02', '2026-10-30 13:02:00+02', '2026-10-30 13:02:00+02', NULL, '2026-11-17 13:02:00+02');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (46,
        1,
        '2026-10-27 10:02:00+02',
        'Työnhakijoiden vertaisryhmä Ison Omenan palvelutorilla',
        'Kamratgrupp för arbetssökande på Iso Omenas servicetorg',
        'Jobseekers'' peer group at Iso Omena service centre',
        'Maanantain vertaisryhmässä työnhakijat tapaavat toisiaan, vaihtavat vinkkejä ja harjoittelevat työhaastattelua. Vierailijoina on työnantajia ja oppilaitosten edustajia. Ryhmää ohjaa kaupungin työntekijä yhdessä vapaaehtoisen kanssa. Voit tulla mukaan milloin vain.',
        'I måndagens kamratgrupp träffas arbetssökande, utbyter tips och övar inför anställningsintervjuer. Arbetsgivare och representanter för läroanstalter kommer på besök. Gruppen leds av en anställd vid staden tillsammans med en frivillig. Du kan komma med när du vill.',
        'At the Monday peer group jobseekers meet, swap tips and practise job interviews. Employers and representatives of educational institutions visit the group. It is led by a city employee together with a volunteer. You can join at any time.',
        ARRAY['peer_activity']::text[],
        ARRAY['work_education', 'community_networks']::text[],
        ARRAY['jobseekers']::text[],
        ARRAY['fin', 'eng', 'ara', 'rus', 'som']::text[],
        '049',
        false,
        false,
        'Piispansilta 11',
        '02230',
        'Espoo',
        'Kauppakeskuksen sisäänkäynnit ja hissit ovat esteettömiä. Esteetön wc on toisessa kerroksessa.',
        'Köpcentrets ingångar och hissar är tillgängliga. Tillgänglig toalett finns i andra våningen.',
        'The shopping centre''s entrances and lifts are step-free. Accessible toilet on the first floor.',
        '2026-08-17',
        NULL,
        0,
        'drop_in',
        'Hanna Kokeilu',
        'hanna.kokeilu@example.fi',
        '044 111 2233',
        'https://example.org/espoo/tyonhakijat',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (46, 1, 1, 1, '13:00', '15:00');

-- 47: Naisten uimakoulu
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (47, 34, 'published', 1, 1, '2026-08-15 06:19:00+03', '2026-08-19 09:19:00+03', '2026-08-19 09:19:00+03', NULL, '2026-09-15 09:19:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (47,
        1,
        '2026-08-15 06:19:00+03',
        'Naisten uimakoulu',
        'Simskola för kvinnor',
        'Swimming school for women',
        'Uimakoulussa aikuiset naiset oppivat uimaan turvallisessa ja rauhallisessa ympäristössä. Ohjaajat ovat naisia, ja hallissa on naisten oma vuoro. Kurssille ilmoittaudutaan, ja kerta maksaa 2 euroa, johon sisältyy hallimaksu. Uimapuvun voi tarvittaessa lainata.',
        'I simskolan lär sig vuxna kvinnor simma i en trygg och lugn miljö. Ledarna är kvinnor och simhallen har ett eget pass för kvinnor. Anmälan krävs och en gång kostar 2 euro, inträdet ingår. Baddräkt kan lånas vid behov.',
        'At the swimming school adult women learn to swim in a safe, calm setting. The instructors are women and the pool has a women-only session. Registration is required, and each session costs 2 euros including entry. Swimsuits can be borrowed if needed.',
        ARRAY['training']::text[],
        ARRAY['sport_outdoors', 'health_wellbeing']::text[],
        ARRAY['women']::text[],
        ARRAY['fin', 'ara', 'som', 'prs', 'kur']::text[],
        '092',
        false,
        false,
        'Lummetie 3',
        '01300',
        'Vantaa',
        'Uimahalli on esteetön, ja pukuhuoneissa on nostolaite.',
        'Simhallen är tillgänglig och omklädningsrummen har en lyftanordning.',
        'The swimming hall is accessible, and the changing rooms have a hoist.',
        '2026-09-06',
        '2027-04-25',
        2.00,
        'required',
        'Amina Testinen',
        'amina.testinen@example.org',
        '040 222 3344',
        'https://example.org/vantaan-naiset/uimakoulu',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (47, 1, 1, 7, '16:00', '17:00');

-- 48: Ompelukahvila
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (48, 34, 'published', 1, 1, '2026-06-03 11:36:00+03', '2026-06-08 14:36:00+03', '2026-06-08 14:36:00+03', NULL, '2026-06-08 14:36:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (48,
        1,
        '2026-06-03 11:36:00+03',
        'Ompelukahvila',
        NULL,
        NULL,
        'Ompelukahvilassa korjataan vaatteita, ommellaan uutta ja opetetaan toisia. Koneita ja tarvikkeita on lainassa, ja kokeneemmat auttavat aloittelijoita. Samalla harjoitellaan suomea ja jutellaan kahvin äärellä. Tule, kun ehdit!',
        NULL,
        NULL,
        ARRAY['meeting_place', 'peer_activity']::text[],
        ARRAY['culture_leisure', 'language']::text[],
        ARRAY['women', 'adults']::text[],
        ARRAY['fin', 'som', 'ara']::text[],
        '092',
        false,
        false,
        'Kielotie 20',
        '01300',
        'Vantaa',
        'Tila on katutasossa, ja sisäänkäynnillä on luiska.',
        NULL,
        NULL,
        '2026-08-20',
        NULL,
        0,
        'drop_in',
        'Fatima Mallinen',
        'fatima.mallinen@example.fi',
        '040 111 2233',
        'https://example.org/vantaan-naiset/ompelukahvila',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (48, 1, 1, 4, '12:00', '15:00');

-- 49: Yrittäjyysillat maahan muuttaneille
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (49, 28, 'published', 1, 1, '2026-09-21 07:53:00+03', '2026-09-27 10:53:00+03', '2026-09-27 10:53:00+03', NULL, '2026-10-06 10:53:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (49,
        1,
        '2026-09-21 07:53:00+03',
        'Yrittäjyysillat maahan muuttaneille',
        'Företagarkvällar för invandrare',
        'Entrepreneurship evenings for immigrants',
        'Iltasarjassa kuulet, miten Suomessa perustetaan yritys, mitä luvat ja verot tarkoittavat ja mistä saa neuvontaa ja rahoitusta. Puhujina on yrittäjiä, jotka ovat itse muuttaneet Suomeen. Illat pidetään englanniksi ja selkosuomeksi. Osallistuminen on maksutonta, mutta ilmoittautuminen on tarpeen.',
        'I kvällsserien får du veta hur man grundar ett företag i Finland, vad tillstånd och skatter innebär och var man får rådgivning och finansiering. Talare är företagare som själva har flyttat till Finland. Kvällarna hålls på engelska och lättläst finska. Deltagandet är gratis men anmälan krävs.',
        'In this evening series you learn how to start a business in Finland, what permits and taxes involve and where to find advice and funding. The speakers are entrepreneurs who moved to Finland themselves. Evenings are held in English and plain Finnish. Participation is free, but please register.',
        ARRAY['training']::text[],
        ARRAY['work_education']::text[],
        ARRAY['adults', 'jobseekers']::text[],
        ARRAY['eng', 'fin']::text[],
        '564',
        false,
        false,
        'Isokatu 23',
        '90100',
        'Oulu',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-10-07',
        '2027-02-03',
        0,
        'required',
        'Ville Virtuaali',
        'ville.virtuaali@example.fi',
        '050 222 3344',
        'https://example.org/oulun-kauppakamari/yrittajyysillat',
        NULL);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (49, 1, 1, '2026-10-07 17:30', '2026-10-07 19:30'),
    (49, 1, 2, '2026-11-04 17:30', '2026-11-04 19:30'),
    (49, 1, 3, '2026-12-02 17:30', '2026-12-02 19:30'),
    (49, 1, 4, '2027-01-13 17:30', '2027-01-13 19:30'),
    (49, 1, 5, '2027-02-03 17:30', '2027-02-03 19:30');

-- 50: Yhteisösovittelu: apua ristiriitoihin
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (50, 10, 'published', 1, 1, '2026-07-15 12:10:00+03', '2026-07-17 15:10:00+03', '2026-07-17 15:10:00+03', NULL, '2026-08-04 15:10:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (50,
        1,
        '2026-07-15 12:10:00+03',
        'Yhteisösovittelu: apua ristiriitoihin',
        'Medling i gemenskaper: hjälp vid konflikter',
        'Community mediation: help with disputes',
        'Yhteisösovittelussa puolueeton sovittelija auttaa osapuolia keskustelemaan ja löytämään ratkaisun esimerkiksi naapuruston, harrastusryhmän tai yhdistyksen riitoihin. Sovittelu on vapaaehtoista, luottamuksellista ja maksutonta. Tarvittaessa mukana on tulkki. Varaa aika puhelimitse tai sähköpostilla.',
        'Vid medling hjälper en opartisk medlare parterna att samtala och hitta en lösning, till exempel på konflikter i grannskapet, i en hobbygrupp eller i en förening. Medlingen är frivillig, konfidentiell och gratis. Vid behov deltar en tolk. Boka tid per telefon eller e-post.',
        'In community mediation an impartial mediator helps the parties talk and find a solution, for example to disputes in the neighbourhood, a hobby group or an association. Mediation is voluntary, confidential and free. An interpreter can take part if needed. Book a time by phone or email.',
        ARRAY['mediation']::text[],
        ARRAY['rights_equality', 'community_networks']::text[],
        ARRAY['everyone']::text[],
        ARRAY['fin', 'ara', 'kur', 'som', 'eng']::text[],
        '106',
        false,
        false,
        'Torikatu 1',
        '05800',
        'Hyvinkää',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-02-04',
        NULL,
        0,
        'required',
        'Maija Mallikas',
        'maija.mallikas@example.fi',
        '050 123 4567',
        'https://example.org/hyvinkaa/yhteisosovittelu',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (50, 1, 1, 3, '09:00', '12:00');

-- 51: Nuorten vertaissovittelijakoulutus
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (51, 19, 'published', 1, 1, '2026-11-02 08:27:00+02', '2026-11-05 11:27:00+02', '2026-11-05 11:27:00+02', NULL, '2026-11-22 16:00:00+02');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (51,
        1,
        '2026-11-02 08:27:00+02',
        'Nuorten vertaissovittelijakoulutus',
        'Utbildning i kamratmedling för unga',
        'Peer mediation training for young people',
        'Koulutuksessa 15–20-vuotiaat nuoret oppivat, miten riitoja ratkaistaan kuuntelemalla ja keskustelemalla. Koulutuksen jälkeen voit toimia vertaissovittelijana koulussa tai nuorisotalolla. Koulutus on maksuton, ja siitä saa todistuksen. Ilmoittaudu mukaan, ryhmään otetaan 16 nuorta.',
        'I utbildningen lär sig unga i åldern 15–20 år hur konflikter kan lösas genom att lyssna och samtala. Efter utbildningen kan du vara kamratmedlare i skolan eller på ungdomsgården. Utbildningen är gratis och du får ett intyg. Anmäl dig – gruppen tar emot 16 unga.',
        'In this training young people aged 15–20 learn how to settle disputes by listening and talking. Afterwards you can act as a peer mediator at school or at a youth centre. The training is free and you receive a certificate. Sign up – the group takes 16 young people.',
        ARRAY['mediation', 'training', 'peer_activity']::text[],
        ARRAY['rights_equality', 'community_networks']::text[],
        ARRAY['youth']::text[],
        ARRAY['fin', 'eng', 'som', 'ara']::text[],
        '091',
        false,
        false,
        'Käenkuja 8',
        '00500',
        'Helsinki',
        'Sisäänkäynnillä on kaksi porrasta, mutta siirrettävä luiska on saatavilla. Wc ei ole esteetön.',
        'Två trappsteg vid ingången, men en flyttbar ramp finns. Toaletten är inte tillgänglig.',
        'Two steps at the entrance, but a portable ramp is available. The toilet is not accessible.',
        '2027-01-23',
        '2027-02-20',
        0,
        'required',
        'Olena Esimerkki',
        'olena.esimerkki@example.org',
        '044 765 4321',
        'https://example.org/spr/vertaissovittelu',
        NULL);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (51, 1, 1, '2027-01-23 10:00', '2027-01-23 15:00'),
    (51, 1, 2, '2027-01-30 10:00', '2027-01-30 15:00'),
    (51, 1, 3, '2027-02-06 10:00', '2027-02-06 15:00'),
    (51, 1, 4, '2027-02-20 10:00', '2027-02-20 15:00');

-- 52: Luontoretket perheille Pudasjärvellä
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (52, 17, 'published', 1, 1, '2026-08-21 13:44:00+03', '2026-08-25 16:44:00+03', '2026-08-25 16:44:00+03', NULL, '2026-08-25 16:44:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (52,
        1,
        '2026-08-21 13:44:00+03',
        'Luontoretket perheille Pudasjärvellä',
        NULL,
        NULL,
        'Lähde perheesi kanssa retkelle Pudasjärven metsiin ja soille! Retkillä paistetaan makkaraa, opetellaan tunnistamaan marjoja ja sieniä ja talvella kokeillaan lumikenkäilyä. Kuljetus ja varusteet järjestetään, ja retket ovat maksuttomia. Ilmoittaudu kaupungin kotoutumistyöntekijälle.',
        NULL,
        NULL,
        ARRAY['camp_excursion']::text[],
        ARRAY['sport_outdoors', 'family_parenting']::text[],
        ARRAY['families', 'children']::text[],
        ARRAY['fin', 'ara', 'tir']::text[],
        '615',
        false,
        false,
        'Varsitie 7',
        '93100',
        'Pudasjärvi',
        'Retkikohteet valitaan osallistujien liikkumisen mukaan. Kerro tarpeistasi ilmoittautuessasi.',
        NULL,
        NULL,
        '2027-01-30',
        '2027-09-04',
        0,
        'required',
        'Pekka Testinen',
        'pekka.testinen@example.fi',
        '044 123 4567',
        'https://example.org/pudasjarvi/luontoretket',
        NULL);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (52, 1, 1, '2027-01-30 10:00', '2027-01-30 14:00'),
    (52, 1, 2, '2027-06-12 10:00', '2027-06-12 15:00'),
    (52, 1, 3, '2027-09-04 10:00', '2027-09-04 15:00');

-- 53: Työnhakuklinikka
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (53, 22, 'published', 1, 1, '2026-06-09 09:01:00+03', '2026-06-14 12:01:00+03', '2026-06-14 12:01:00+03', NULL, '2026-06-23 12:01:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (53,
        1,
        '2026-06-09 09:01:00+03',
        'Työnhakuklinikka',
        'Jobbsökarkliniken',
        'Job search clinic',
        'Työnhakuklinikalla saat apua CV:n ja työhakemuksen tekemiseen, työpaikkojen etsimiseen verkosta ja työhaastatteluun valmistautumiseen. Neuvojat auttavat suomeksi, venäjäksi, ukrainaksi, englanniksi ja arabiaksi. Ota mukaan omat todistuksesi, jos sinulla on niitä.',
        'På jobbsökarkliniken får du hjälp att skriva cv och ansökan, hitta lediga jobb på nätet och förbereda dig för en anställningsintervju. Rådgivarna hjälper på finska, ryska, ukrainska, engelska och arabiska. Ta med dina egna betyg och intyg om du har sådana.',
        'At the job search clinic you get help writing a CV and a job application, finding vacancies online and preparing for an interview. Advisers help in Finnish, Russian, Ukrainian, English and Arabic. Bring your certificates with you if you have any.',
        ARRAY['counselling', 'training']::text[],
        ARRAY['work_education', 'digital_skills']::text[],
        ARRAY['jobseekers', 'adults']::text[],
        ARRAY['fin', 'rus', 'ukr', 'eng', 'ara']::text[],
        '285',
        false,
        false,
        'Keskuskatu 33',
        '48100',
        'Kotka',
        'Sisäänkäynnillä on kaksi porrasta, mutta siirrettävä luiska on saatavilla. Wc ei ole esteetön.',
        'Två trappsteg vid ingången, men en flyttbar ramp finns. Toaletten är inte tillgänglig.',
        'Two steps at the entrance, but a portable ramp is available. The toilet is not accessible.',
        '2026-08-20',
        NULL,
        0,
        'drop_in',
        'Olena Esimerkki',
        'olena.esimerkki@example.org',
        '044 765 4321',
        'https://example.org/kompassi/tyonhakuklinikka',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (53, 1, 1, 4, '12:00', '15:00');

-- 54: Nuorten chat omalla kielellä
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (54, 13, 'published', 1, 1, '2026-09-27 05:18:00+03', '2026-10-03 08:18:00+03', '2026-10-03 08:18:00+03', NULL, '2026-10-21 08:18:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (54,
        1,
        '2026-09-27 05:18:00+03',
        'Nuorten chat omalla kielellä',
        'Chatt för unga på eget språk',
        'Youth chat in your own language',
        'Chatissa 13–25-vuotiaat nuoret voivat jutella nimettömänä koulusta, kavereista, perheestä tai mistä tahansa mieltä painavasta. Vastaajina ovat koulutetut ammattilaiset ja vapaaehtoiset, jotka puhuvat suomea, englantia, arabiaa, somalia, persiaa, daria ja ukrainaa. Chat on auki maanantaisin ja keskiviikkoisin.',
        'I chatten kan unga i åldern 13–25 år prata anonymt om skolan, kompisar, familjen eller vad som helst som tynger. De som svarar är utbildade yrkespersoner och frivilliga som talar finska, engelska, arabiska, somaliska, persiska, dari och ukrainska. Chatten är öppen på måndagar och onsdagar.',
        'In this chat young people aged 13–25 can talk anonymously about school, friends, family or anything on their mind. Replies come from trained professionals and volunteers who speak Finnish, English, Arabic, Somali, Persian, Dari and Ukrainian. The chat is open on Mondays and Wednesdays.',
        ARRAY['online_phone', 'peer_activity']::text[],
        ARRAY['health_wellbeing', 'community_networks']::text[],
        ARRAY['youth']::text[],
        ARRAY['fin', 'eng', 'ara', 'som', 'fas', 'prs', 'ukr']::text[],
        NULL,
        true,
        true,
        NULL,
        NULL,
        NULL,
        NULL,
        NULL,
        NULL,
        '2026-01-12',
        NULL,
        0,
        'drop_in',
        'Sara Example',
        'sara.example@example.org',
        '050 111 2233',
        'https://example.org/pela/nuorten-chat',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (54, 1, 1, 1, '18:00', '20:00'),
    (54, 1, 2, 3, '18:00', '20:00');

-- 55: Parents' peer group in English
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (55, 23, 'published', 1, 1, '2026-07-21 10:35:00+03', '2026-07-23 13:35:00+03', '2026-07-23 13:35:00+03', NULL, '2026-08-19 13:35:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (55,
        1,
        '2026-07-21 10:35:00+03',
        NULL,
        NULL,
        'Parents'' peer group in English',
        NULL,
        NULL,
        'A relaxed group for parents who have moved to Oulu and would like to share experiences of family life in Finland. We talk about daycare, school, the long winter and finding friends, while the children play in the same room. Free of charge – just drop in on Saturday morning.',
        ARRAY['peer_activity']::text[],
        ARRAY['family_parenting', 'community_networks']::text[],
        ARRAY['families']::text[],
        ARRAY['eng', 'fin']::text[],
        '564',
        false,
        false,
        'Torikatu 9',
        '90100',
        'Oulu',
        NULL,
        NULL,
        'Step-free entrance and an accessible toilet; space for prams.',
        '2026-09-05',
        '2027-05-29',
        0,
        'drop_in',
        'Ville Virtuaali',
        'ville.virtuaali@example.fi',
        '050 222 3344',
        'https://example.org/olohuone-oulu/parents',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (55, 1, 1, 6, '10:00', '12:00');

-- 56: Sovittelukahvila yhteisöille
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (56, 21, 'published', 1, 1, '2026-11-08 06:52:00+02', '2026-11-11 09:52:00+02', '2026-11-11 09:52:00+02', NULL, '2026-11-11 09:52:00+02');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (56,
        1,
        '2026-11-08 06:52:00+02',
        'Sovittelukahvila yhteisöille',
        'Medlingscafé för gemenskaper',
        'Mediation café for communities',
        'Sovittelukahvilassa voit kertoa luottamuksellisesti riidasta tai erimielisyydestä, joka vaivaa perhettä, yhteisöä tai naapurustoa. Koulutetut sovittelijat kuuntelevat ja auttavat miettimään, miten tilanteessa voisi edetä. Kahvila on maksuton, ja apua saa myös arabiaksi ja kurdiksi.',
        'På medlingscaféet kan du i förtroende berätta om en konflikt eller oenighet som tynger familjen, gemenskapen eller grannskapet. Utbildade medlare lyssnar och hjälper dig fundera på hur du kan gå vidare. Caféet är gratis och hjälp finns också på arabiska och kurdiska.',
        'At the mediation café you can talk in confidence about a conflict or disagreement troubling your family, community or neighbourhood. Trained mediators listen and help you think about how to move forward. The café is free, and help is also available in Arabic and Kurdish.',
        ARRAY['mediation', 'meeting_place']::text[],
        ARRAY['rights_equality', 'community_networks']::text[],
        ARRAY['everyone']::text[],
        ARRAY['fin', 'ara', 'kur']::text[],
        '837',
        false,
        false,
        'Insinöörinkatu 38',
        '33720',
        'Tampere',
        'Esteetön sisäänkäynti pihan puolelta. Kerhohuoneessa on induktiosilmukka.',
        'Tillgänglig ingång från gårdssidan. Klubbrummet har hörslinga.',
        'Step-free entrance from the courtyard. Induction loop in the club room.',
        '2026-09-10',
        '2027-05-27',
        0,
        'drop_in',
        'Fatima Mallinen',
        'fatima.mallinen@example.fi',
        '040 111 2233',
        'https://example.org/seltementti/sovittelukahvila',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (56, 1, 1, 4, '16:00', '18:00');

-- 57: Kesäleiri nuorille
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (57, 25, 'published', 1, 1, '2026-08-27 11:09:00+03', '2026-08-31 14:09:00+03', '2026-08-31 14:09:00+03', NULL, '2026-09-09 14:09:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (57,
        1,
        '2026-08-27 11:09:00+03',
        'Kesäleiri nuorille',
        'Sommarläger för unga',
        'Summer camp for young people',
        'Kolmen päivän kesäleirillä 13–17-vuotiaat nuoret melovat, pelaavat, saunovat ja tutustuvat uusiin kavereihin. Leirin ohjaajina on nuorisotyönohjaajia ja vapaaehtoisia isosia, ja leirin kieli on selkeä suomi. Leiri on avoin kaikille uskonnosta riippumatta. Hinta 10 euroa sisältää majoituksen, ruoat ja kuljetuksen.',
        'På det tre dagar långa sommarlägret paddlar, spelar och bastar unga i åldern 13–17 år och får nya vänner. Lägret leds av ungdomsledare och frivilliga hjälpledare, och lägrets språk är tydlig finska. Lägret är öppet för alla oberoende av religion. Priset 10 euro inkluderar logi, mat och transport.',
        'At this three-day summer camp young people aged 13–17 go canoeing, play games, enjoy the sauna and make new friends. The camp is led by youth workers and volunteer helpers, and the camp language is clear Finnish. Everyone is welcome regardless of religion. The price of 10 euros covers accommodation, meals and transport.',
        ARRAY['camp_excursion']::text[],
        ARRAY['sport_outdoors', 'community_networks']::text[],
        ARRAY['youth']::text[],
        ARRAY['fin', 'eng', 'ara', 'prs', 'ukr']::text[],
        '049',
        false,
        false,
        'Leirikeskuksentie 4',
        '02940',
        'Espoo',
        'Leirikeskuksen päärakennus on esteetön, mutta osa mökeistä ei ole. Kerro tarpeistasi ilmoittautuessasi.',
        'Lägercentrets huvudbyggnad är tillgänglig, men en del av stugorna är det inte. Berätta om dina behov när du anmäler dig.',
        'The camp centre''s main building is accessible, but some cabins are not. Let us know your needs when you sign up.',
        '2027-06-21',
        '2027-06-23',
        10.00,
        'required',
        'Fatima Mallinen',
        'fatima.mallinen@example.fi',
        '040 111 2233',
        'https://example.org/espoon-seurakunta/kesaleiri',
        NULL);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (57, 1, 1, '2027-06-21 10:00', '2027-06-23 16:00');

-- 58: Kielikerho Nummelassa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (58, 11, 'published', 1, 1, '2026-06-15 07:26:00+03', '2026-06-20 10:26:00+03', '2026-06-20 10:26:00+03', NULL, '2026-07-08 10:26:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (58,
        1,
        '2026-06-15 07:26:00+03',
        'Kielikerho Nummelassa',
        'Språkklubb i Nummela',
        'Language club in Nummela',
        'Kielikerho kokoontuu keskiviikkoiltaisin Nummelan kirjastossa. Harjoittelemme suomea keskustellen ja pelaten, ja jokaisella kerralla on oma teemansa, kuten ruoka, sää tai harrastukset. Kerho on maksuton ja kaikille avoin.',
        'Språkklubben träffas på onsdagskvällar på Nummela bibliotek. Vi övar finska genom samtal och spel, och varje gång har ett eget tema, som mat, väder eller hobbyer. Klubben är gratis och öppen för alla.',
        'The language club meets on Wednesday evenings at Nummela library. We practise Finnish through conversation and games, and each meeting has its own theme, such as food, weather or hobbies. The club is free and open to everyone.',
        ARRAY['language_club']::text[],
        ARRAY['language', 'culture_leisure']::text[],
        ARRAY['adults', 'everyone']::text[],
        ARRAY['fin', 'eng', 'ara', 'ukr', 'rus']::text[],
        '927',
        false,
        false,
        'Asemantie 30',
        '03100',
        'Nummela',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-09-02',
        '2027-05-26',
        0,
        'drop_in',
        'Hanna Kokeilu',
        'hanna.kokeilu@example.fi',
        '044 111 2233',
        'https://example.org/vihti/kielikerho',
        12);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (58, 1, 1, 3, '18:00', '19:30');

-- 59: Verkkomentorointi kansainvälisille opiskelijoille
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (59, 15, 'published', 1, 1, '2026-10-03 12:43:00+03', '2026-10-09 15:43:00+03', '2026-10-09 15:43:00+03', NULL, '2026-11-05 15:43:00+02');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (59,
        1,
        '2026-10-03 12:43:00+03',
        'Verkkomentorointi kansainvälisille opiskelijoille',
        'Mentorskap på nätet för internationella studerande',
        'Online mentoring for international students',
        'Verkkomentoroinnissa kansainvälinen opiskelija saa tuekseen suomalaisen tai Suomeen jo kotiutuneen mentorin. Tapaatte videopuhelussa sovittuina aikoina ja keskustelette opinnoista, harjoittelupaikoista ja elämästä Suomessa. Mentorointi on maksutonta ja avoinna opiskelijoille koko Suomesta.',
        'I mentorskapet på nätet får en internationell studerande stöd av en mentor som är finländare eller redan har rotat sig i Finland. Ni träffas i videosamtal på överenskomna tider och pratar om studier, praktikplatser och livet i Finland. Mentorskapet är gratis och öppet för studerande från hela Finland.',
        'International students are paired with a mentor who is Finnish or has already settled in Finland. You meet on video calls at agreed times and talk about studies, internships and life in Finland. Mentoring is free and open to students from all over Finland.',
        ARRAY['mentoring', 'online_phone']::text[],
        ARRAY['work_education', 'community_networks']::text[],
        ARRAY['students']::text[],
        ARRAY['fin', 'eng', 'vie', 'zho', 'spa']::text[],
        NULL,
        true,
        true,
        NULL,
        NULL,
        NULL,
        NULL,
        NULL,
        NULL,
        '2026-09-01',
        '2027-06-30',
        0,
        'required',
        'Ahmed Esimerkki',
        'ahmed.esimerkki@example.org',
        '040 123 4568',
        'https://example.org/turkuamk/verkkomentorointi',
        NULL);

-- 60: Kansainvälinen läksykerho Lahdessa
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (60, 33, 'published', 1, 1, '2026-07-27 08:00:00+03', '2026-07-29 11:00:00+03', '2026-07-29 11:00:00+03', NULL, '2026-07-29 11:00:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (60,
        1,
        '2026-07-27 08:00:00+03',
        'Kansainvälinen läksykerho Lahdessa',
        'Internationell läxklubb i Lahtis',
        'International homework club in Lahti',
        'Läksykerhossa koululaiset saavat apua kotitehtäviin, ja vanhemmat voivat kysyä neuvoa koulun käytännöistä, kuten Wilmasta. Vapaaehtoiset auttavat suomeksi, arabiaksi, englanniksi, ukrainaksi ja somaliksi. Kerho on maksuton ja kokoontuu kirjastossa.',
        'I läxklubben får skolbarn hjälp med läxorna, och föräldrar kan fråga om skolans rutiner, till exempel Wilma. Frivilliga hjälper på finska, arabiska, engelska, ukrainska och somaliska. Klubben är gratis och träffas på biblioteket.',
        'At the homework club schoolchildren get help with homework, and parents can ask about how school works, for example the Wilma system. Volunteers help in Finnish, Arabic, English, Ukrainian and Somali. The club is free and meets at the library.',
        ARRAY['homework_club']::text[],
        ARRAY['language', 'family_parenting']::text[],
        ARRAY['children', 'families']::text[],
        ARRAY['fin', 'ara', 'eng', 'ukr', 'som']::text[],
        '398',
        false,
        false,
        'Kirkkokatu 31',
        '15140',
        'Lahti',
        'Esteetön sisäänkäynti ja hissi. Esteetön wc on katutasossa.',
        'Tillgänglig entré och hiss. Tillgänglig toalett finns i gatuplanet.',
        'Step-free entrance and lift. Accessible toilet at street level.',
        '2026-08-18',
        '2027-05-27',
        0,
        'drop_in',
        'Amina Testinen',
        'amina.testinen@example.org',
        '040 222 3344',
        'https://example.org/lahti-kohtaamispaikka/laksykerho',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (60, 1, 1, 2, '15:00', '17:00');

-- 900: Kesän kielikerho puistossa 2026
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (900, 2, 'archived', 1, 1, '2026-05-11 09:30:00+03', '2026-08-20 10:00:00+03', '2026-05-14 13:10:00+03', '2026-08-20 10:00:00+03', '2026-05-14 13:10:00+03');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (900,
        1,
        '2026-05-11 09:30:00+03',
        'Kesän kielikerho puistossa 2026',
        'Sommarens språkklubb i parken 2026',
        'Summer language club in the park 2026',
        'Kesän kielikerhossa harjoiteltiin suomea ulkona puistossa. Kiitos kaikille osallistujille – kerho jatkuu taas ensi kesänä.',
        'I sommarens språkklubb övade vi finska ute i parken. Tack till alla deltagare – klubben fortsätter nästa sommar.',
        'In the summer language club we practised Finnish outdoors in the park. Thank you to everyone who took part – the club will be back next summer.',
        ARRAY['language_club']::text[],
        ARRAY['language', 'sport_outdoors']::text[],
        ARRAY['everyone']::text[],
        ARRAY['fin', 'eng']::text[],
        '091',
        false,
        false,
        'Mannerheimintie 13',
        '00100',
        'Helsinki',
        'Retket kulkevat osin epätasaisessa maastossa. Kerro ilmoittautuessasi, jos tarvitset apua liikkumiseen, niin suunnittelemme reitin yhdessä.',
        'Utflykterna går delvis i ojämn terräng. Berätta när du anmäler dig om du behöver hjälp att röra dig, så planerar vi rutten tillsammans.',
        'The trips partly cross uneven ground. Tell us when you sign up if you need help getting around and we will plan the route together.',
        '2026-06-02',
        '2026-08-13',
        0,
        'drop_in',
        'Ahmed Esimerkki',
        'ahmed.esimerkki@example.org',
        '040 123 4568',
        'https://example.org/helsinki/kesan-kielikerho',
        NULL);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (900, 1, 1, 2, '17:00', '18:30'),
    (900, 1, 2, 4, '17:00', '18:30');

-- 901: Kielikerho Kontulassa (luonnos)
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, published_at, archived_at, confirmed_at)
VALUES (901, 1, 'draft', NULL, 1, '2026-11-19 15:40:00+02', '2026-11-19 15:40:00+02', NULL, NULL, '2026-11-19 15:40:00+02');
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en, description_fi, description_sv, description_en, forms, themes, targets, languages, municipality_code, is_online, is_nationwide, street_address, postal_code, post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date, price_eur, registration, contact_name, contact_email, contact_phone, url, project_id)
VALUES (901,
        1,
        '2026-11-19 15:40:00+02',
        'Kielikerho Kontulassa (luonnos)',
        NULL,
        NULL,
        'Uusi kielikerho Kontulan kirjastossa alkaa keväällä. Tarkemmat ajat päivitetään myöhemmin.',
        NULL,
        NULL,
        ARRAY['language_club']::text[],
        ARRAY['language']::text[],
        ARRAY['adults']::text[],
        ARRAY['fin']::text[],
        '091',
        false,
        false,
        'Ostostie 4',
        '00940',
        'Helsinki',
        NULL,
        NULL,
        NULL,
        '2027-02-01',
        NULL,
        0,
        'drop_in',
        'Liisa Esimerkki',
        'liisa.esimerkki@example.org',
        '040 123 4567',
        NULL,
        9);

-- News 1-5: sql/demo/030_news.sql (news is a kind of listing since sql/015_news.sql).

-- Accounts (sql/005_accounts.sql).  Every demo account's password is demo-salasana-2026
-- (HACKING.md, "Demo data conventions"); a real installation never loads this file.
-- 1 moderator; 2 main user and 3 member of organisation 1; 4 main user of organisation 90,
-- which waits for approval.
INSERT INTO users (id, email, first_name, last_name, phone, password_hash, email_verified_at,
                   is_moderator, lang, terms_accepted_at, created_at) VALUES
    (1, 'moderaattori@example.org', 'Mirja', 'Moderaattori', NULL, '$2y$11$voFCac55yKt064WiR3w/v.eBH5Em3VCatZzmokCqsAivbXERcMriO',
     '2026-01-02 09:00:00+02', true, 'fi', '2026-01-02 09:00:00+02', '2026-01-02 09:00:00+02'),
    (2, 'paakayttaja@example.org', 'Pekka', 'Pääkäyttäjä', '+358 40 000 0002', '$2y$11$voFCac55yKt064WiR3w/v.eBH5Em3VCatZzmokCqsAivbXERcMriO',
     '2026-01-10 09:00:00+02', false, 'fi', '2026-01-10 09:00:00+02', '2026-01-10 09:00:00+02'),
    (3, 'jasen@example.org', 'Jaana', 'Jäsen', NULL, '$2y$11$voFCac55yKt064WiR3w/v.eBH5Em3VCatZzmokCqsAivbXERcMriO',
     '2026-02-01 09:00:00+02', false, 'sv', '2026-02-01 09:00:00+02', '2026-02-01 09:00:00+02'),
    (4, 'odottaja@example.org', 'Olli', 'Odottaja', NULL, '$2y$11$voFCac55yKt064WiR3w/v.eBH5Em3VCatZzmokCqsAivbXERcMriO',
     '2026-11-20 14:00:00+02', false, 'en', '2026-11-20 14:00:00+02', '2026-11-20 14:00:00+02');
INSERT INTO memberships (user_id, organisation_id, role, status, created_at, decided_at) VALUES
    (2, 1, 'main', 'active', '2026-01-10 09:13:00+02', '2026-01-10 09:13:00+02'),
    (3, 1, 'member', 'active', '2026-02-01 09:30:00+02', '2026-02-01 10:00:00+02'),
    (4, 90, 'main', 'active', '2026-11-20 14:05:00+02', '2026-11-20 14:05:00+02');
UPDATE organisations SET created_by = 4 WHERE id = 90;
UPDATE organisations SET created_by = 2 WHERE id = 1;

-- The listings lifecycle (sql/007_listings.sql): what every published listing above has
-- been through (one approved version, written by organisation 1's main user where it is
-- theirs), and three listings waiting in moderation or on their way back:
--   42   published, with an edit (version 2) submitted by user 3: the review shows changes
--   902  a new listing of organisation 1, submitted, never published
--   903  a listing of organisation 1 returned by the moderator with a reason
--   904  a listing of organisation 1 rejected (never public: read-only in the workspace)
UPDATE activities SET decided_version = published_version, decided_at = published_at
 WHERE published_version IS NOT NULL;
UPDATE activities SET archive_reason = 'organisation' WHERE archived_at IS NOT NULL;
UPDATE activities SET created_by = 2, submitted_by = 2 WHERE organisation_id = 1;

INSERT INTO activity_versions (activity_id, version, created_at, created_by, title_fi, title_sv,
       title_en, description_fi, description_sv, description_en, forms, themes, targets,
       languages, municipality_code, is_online, is_nationwide, street_address, postal_code,
       post_office, accessibility_fi, accessibility_sv, accessibility_en, start_date, end_date,
       price_eur, registration, contact_name, contact_email, contact_phone, url, project_id,
       rules_confirmed)
SELECT 42, 2, '2026-11-28 10:05:00+02', 3,
       'Vapaaehtoiseksi kirjaston satutuokioihin omalla kielelläsi', title_sv, title_en,
       description_fi || E'\n\nUusi: satutuokiot myös sunnuntaisin Vuosaaren kirjaston lastenosastolla.',
       description_sv, description_en, forms, themes, ARRAY['adults', 'youth']::text[],
       languages || ARRAY['tir']::text[], municipality_code, is_online, is_nationwide,
       street_address, postal_code, post_office, accessibility_fi, accessibility_sv,
       accessibility_en, start_date, end_date, price_eur, registration, contact_name,
       contact_email, contact_phone, url, project_id,
       ARRAY['immigrants', 'non_commercial', 'open', 'non_aligned', 'equality',
             'not_authority', 'not_single_event', 'volunteering']
  FROM activity_versions WHERE activity_id = 42 AND version = 1;
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (42, 2, 1, 6, '11:00', '12:00'),
    (42, 2, 2, 7, '13:00', '14:00');
UPDATE activities SET state = 'submitted', latest_version = 2, revision = 2,
       submitted_at = '2026-11-28 10:05:00+02', submitted_by = 3
 WHERE id = 42;

-- 902: Lukupiiri selkosuomeksi (odottaa tarkistusta)
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, confirmed_at, created_by, submitted_at, submitted_by, revision)
VALUES (902, 1, 'submitted', NULL, 1, '2026-11-25 09:00:00+02', '2026-11-25 09:00:00+02',
        '2026-11-25 09:00:00+02', 2, '2026-11-26 14:30:00+02', 2, 3);
INSERT INTO activity_versions (activity_id, version, created_at, created_by, title_fi, title_sv,
       title_en, description_fi, description_sv, description_en, forms, themes, targets,
       languages, municipality_code, is_online, is_nationwide, street_address, postal_code,
       post_office, start_date, end_date, price_eur, registration, contact_name, contact_email,
       contact_phone, url, project_id, rules_confirmed)
VALUES (902, 1, '2026-11-26 14:30:00+02', 2,
        'Lukupiiri selkosuomeksi',
        'Läsecirkel på lättläst finska',
        NULL,
        'Luemme yhdessä selkokielisiä kirjoja ja keskustelemme niistä rauhallisesti. Piiri sopii sinulle, joka opiskelet suomea ja haluat harjoitella lukemista ja puhumista pienessä ryhmässä.' || E'\n\n' || 'Kirjat saat lainaksi kirjastosta, eikä mitään tarvitse valmistella etukäteen.',
        'Vi läser lättlästa böcker tillsammans och samtalar lugnt om dem. Cirkeln passar dig som studerar finska och vill öva läsning och tal i en liten grupp.',
        NULL,
        ARRAY['language_club', 'peer_activity']::text[],
        ARRAY['language', 'culture_leisure']::text[],
        ARRAY['adults', 'seniors']::text[],
        ARRAY['fin']::text[],
        '091', false, false, 'Kontulankaari 1', '00940', 'Helsinki',
        '2027-01-12', '2027-05-25', 0, 'drop_in',
        'Liisa Esimerkki', 'liisa.esimerkki@example.org', '040 123 4567', NULL, NULL,
        ARRAY['immigrants', 'non_commercial', 'open', 'non_aligned', 'equality',
              'not_authority', 'not_single_event', 'volunteering']);
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends) VALUES
    (902, 1, 1, 2, '14:00', '15:30');

-- 903: Pyöräretket perheille (palautettu korjattavaksi)
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, confirmed_at, created_by, submitted_at, submitted_by, revision,
                        decided_version, decided_at, decided_by, decision_reason)
VALUES (903, 1, 'returned', NULL, 1, '2026-11-10 12:00:00+02', '2026-11-10 12:00:00+02',
        '2026-11-10 12:00:00+02', 2, '2026-11-12 09:00:00+02', 2, 4, 1,
        '2026-11-13 10:15:00+02', 1,
        'Kerro tarkemmin, missä retket alkavat ja tarvitaanko oma pyörä. Lisää myös yhteystieto.');
INSERT INTO activity_versions (activity_id, version, created_at, created_by, title_fi,
       description_fi, forms, themes, targets, languages, municipality_code, is_online,
       is_nationwide, price_eur, registration, rules_confirmed)
VALUES (903, 1, '2026-11-12 09:00:00+02', 2,
        'Pyöräretket perheille',
        'Pyöräilemme yhdessä lähiluontoon ja opettelemme liikennesääntöjä.',
        ARRAY['camp_excursion']::text[], ARRAY['sport_outdoors']::text[],
        ARRAY['families']::text[], ARRAY['fin', 'ara']::text[], '091', false, false, 0,
        'required',
        ARRAY['immigrants', 'non_commercial', 'open', 'non_aligned', 'equality',
              'not_authority', 'not_single_event', 'volunteering']);
INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at) VALUES
    (903, 1, 1, '2027-05-16 10:00', '2027-05-16 13:00'),
    (903, 1, 2, '2027-05-30 10:00', '2027-05-30 13:00');

-- 904: Kuntosalikurssi (hylätty: maksullinen kurssi, ei ilmoitettavaa toimintaa)
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, created_at,
                        updated_at, confirmed_at, created_by, submitted_at, submitted_by, revision,
                        decided_version, decided_at, decided_by, decision_reason)
VALUES (904, 1, 'rejected', NULL, 1, '2026-10-01 12:00:00+03', '2026-10-01 12:00:00+03',
        '2026-10-01 12:00:00+03', 2, '2026-10-02 09:00:00+03', 2, 3, 1,
        '2026-10-03 10:00:00+03', 1,
        'Kurssi on maksullinen liiketoimintaa, joten sitä ei voi ilmoittaa palvelussa.');
INSERT INTO activity_versions (activity_id, version, created_at, created_by, title_fi,
       description_fi, forms, themes, targets, languages, municipality_code, is_online,
       is_nationwide, price_eur, registration, contact_email, rules_confirmed)
VALUES (904, 1, '2026-10-02 09:00:00+03', 2, 'Kuntosalikurssi',
        'Ohjattu kuntosalikurssi kymmenen kerran sarjakortilla.',
        ARRAY['training']::text[], ARRAY['sport_outdoors']::text[], ARRAY['adults']::text[],
        ARRAY['fin']::text[], '091', false, false, 120, 'required', 'kurssi@example.org',
        ARRAY['immigrants', 'non_commercial', 'open', 'non_aligned', 'equality',
              'not_authority', 'not_single_event', 'volunteering']);

INSERT INTO audit_log (at, actor_id, action, object_type, object_id, version, reason) VALUES
    ('2026-11-12 09:00:00+02', 2, 'activity.submit', 'activity', 903, 1, NULL),
    ('2026-11-13 10:15:00+02', 1, 'activity.return', 'activity', 903, 1,
     'Kerro tarkemmin, missä retket alkavat ja tarvitaanko oma pyörä. Lisää myös yhteystieto.'),
    ('2026-11-26 14:30:00+02', 2, 'activity.submit', 'activity', 902, 1, NULL),
    ('2026-11-28 10:05:00+02', 3, 'activity.submit', 'activity', 42, 2, NULL),
    ('2026-10-02 09:00:00+03', 2, 'activity.submit', 'activity', 904, 1, NULL),
    ('2026-10-03 10:00:00+03', 1, 'activity.reject', 'activity', 904, 1,
     'Kurssi on maksullinen liiketoimintaa, joten sitä ei voi ilmoittaa palvelussa.');

-- Move the sequences past the explicit ids (a DO block, so that psql prints nothing).
DO $$
BEGIN
    PERFORM setval(pg_get_serial_sequence('organisations', 'id'), (SELECT max(id) FROM organisations));
    PERFORM setval(pg_get_serial_sequence('projects', 'id'), (SELECT max(id) FROM projects));
    PERFORM setval(pg_get_serial_sequence('activities', 'id'), (SELECT max(id) FROM activities));
    PERFORM setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
END
$$;

COMMIT;
