#!/usr/bin/python3
"""Generate realistic activity listings for the benchmark, as one psql script on stdout.

    bench/gen-activities.py [--count 100000] [--orgs 2000] [--seed 1] | psql …

Loaded on top of the demo data (sql/demo/demo.sql): new ids start above every demo id
(organisations from 1000, activities from 100000), so the demo's fixed ids keep working.
Everything goes in with COPY inside one transaction (with ANALYZE between, for the triggers'
plans), in the order the foreign keys allow: activities, versions, weekly times, sessions.  The
triggers compute each listing's search rows once, when its version comes (a new activity has
nothing public yet); the weekly times and sessions then update the rows' time columns only
(sql/010_search.sql).  Most of the run is that one refresh, the text vectors: a few minutes for
100 000 listings.

The distributions follow the demo listings: every form of activity, Finnish nearly always
among the languages with Arabic, Somali, English, Russian, Ukrainian, Dari … after it;
municipalities weighted by (rounded) population so that Helsinki, Espoo, Tampere, Vantaa
have most listings; about 6 % online or by phone, 2 % nationwide; most free, some with a
small fee; weekly times for most, dated sessions for event series.  Texts in Finnish,
Swedish and English are assembled from phrase pools (more Swedish in bilingual and
Swedish-speaking municipalities), so that full-text search has real words to find.
"""
import argparse
import csv
import datetime
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data", "municipalities_language_status.csv")

ORG_ID0 = 1000
ACT_ID0 = 100000

# Rounded populations of the larger municipalities; the rest weigh SMALL_TOWN.
POPULATION = {
    "091": 675, "049": 315, "837": 255, "092": 245, "564": 215, "853": 200, "179": 148,
    "297": 125, "398": 121, "609": 83, "286": 80, "167": 78, "405": 73, "109": 68,
    "905": 68, "743": 65, "698": 65, "491": 52, "285": 51, "734": 51, "638": 51,
    "272": 48, "106": 47, "186": 46, "444": 46, "543": 44, "257": 41, "858": 40,
    "684": 39, "245": 38, "205": 36, "927": 30, "235": 10, "560": 16, "615": 8,
}
SMALL_TOWN = 4

FORMS = ["language_club", "meeting_place", "training", "camp_excursion", "homework_club",
         "mentoring", "counselling", "mediation", "volunteering", "online_phone", "peer_activity"]
FORM_WEIGHTS = [22, 18, 12, 5, 8, 6, 12, 2, 4, 0, 11]   # online_phone follows is_online
THEMES = ["language", "work_education", "everyday_society", "health_wellbeing",
          "family_parenting", "culture_leisure", "sport_outdoors", "digital_skills", "housing",
          "rights_equality", "community_networks"]
TARGETS = ["everyone", "adults", "women", "men", "families", "children", "youth", "seniors",
           "students", "jobseekers", "asylum_seekers", "newly_arrived"]
OTHER_LANGS = ["ara", "som", "eng", "rus", "ukr", "prs", "kur", "fas", "tir", "est", "swe",
               "tha", "vie", "zho", "spa", "fra", "tur", "amh", "sqi", "por", "pol",
               "ben", "urd", "hin", "nep", "mya", "lit", "lav", "ron"]
OTHER_WEIGHTS = [40, 22, 30, 16, 16, 10, 8, 8, 4, 5, 5, 3, 3, 2, 3, 3, 2, 1, 1, 1, 2,
                 1, 1, 1, 1, 1, 1, 1, 1]

# Title stems per form: (fi, sv, en).
TITLES = {
    "language_club": [("Suomen kielen kielikerho", "Finsk språkklubb", "Finnish language club"),
                      ("Kielikahvila", "Språkcafé", "Language café"),
                      ("Puhutaan suomea -ryhmä", "Vi talar finska", "Let's speak Finnish group"),
                      ("Ruotsin kielen kerho", "Svensk språkklubb", "Swedish language club")],
    "meeting_place": [("Kohtaamispaikka", "Mötesplats", "Meeting place"),
                      ("Kansainvälinen olohuone", "Internationellt vardagsrum", "International living room"),
                      ("Naisten kohtaamispaikka", "Mötesplats för kvinnor", "Women's meeting place")],
    "training": [("Arjen taitojen kurssi", "Kurs i vardagsfärdigheter", "Everyday skills course"),
                 ("Digitaitojen koulutus", "Utbildning i digitala färdigheter", "Digital skills training"),
                 ("Työnhaun valmennus", "Coachning i jobbsökning", "Job search coaching")],
    "camp_excursion": [("Luontoretki", "Naturutflykt", "Nature excursion"),
                       ("Perheleiri", "Familjeläger", "Family camp"),
                       ("Tutustumisretki", "Studieresa", "Discovery trip")],
    "homework_club": [("Läksykerho", "Läxklubb", "Homework club"),
                      ("Läksyapu koululaisille", "Läxhjälp för skolelever", "Homework help for pupils")],
    "mentoring": [("Työelämämentorointi", "Mentorskap för arbetslivet", "Working life mentoring"),
                  ("Opiskelijoiden mentorointi", "Mentorskap för studerande", "Mentoring for students")],
    "counselling": [("Monikielinen neuvontapiste", "Flerspråkig rådgivning", "Multilingual advice point"),
                    ("Digineuvonta", "Digital rådgivning", "Digital help desk"),
                    ("Asumisneuvonta", "Boenderådgivning", "Housing advice")],
    "mediation": [("Naapurisovittelu", "Grannmedling", "Neighbour mediation"),
                  ("Yhteisösovittelu", "Medling i gemenskaper", "Community mediation")],
    "volunteering": [("Vapaaehtoiseksi kahvilaan", "Frivillig på kafé", "Volunteer at the café"),
                     ("Vapaaehtoistoimintaa selkosuomeksi", "Frivilligarbete på lättläst finska",
                      "Volunteering in plain Finnish")],
    "peer_activity": [("Vertaisryhmä", "Kamratgrupp", "Peer group"),
                      ("Äitien vertaisryhmä", "Kamratgrupp för mammor", "Mothers' peer group"),
                      ("Nuorten vertaisryhmä", "Kamratgrupp för unga", "Young people's peer group")],
}
ONLINE_TITLES = [("verkossa", "på nätet", "online"), ("puhelimessa", "per telefon", "by phone")]

SENTENCES = {
    "fi": ["Tule mukaan rentoon porukkaan!", "Harjoittelemme arjen tilanteita yhdessä.",
           "Ohjaajina toimii koulutettuja vapaaehtoisia.", "Osallistuminen ei vaadi ilmoittautumista.",
           "Kahvia ja teetä on tarjolla.", "Apua saa tarvittaessa myös omalla kielellä.",
           "Ryhmä sopii sinulle, joka osaat jo vähän suomea tai olet vasta aloittamassa.",
           "Lapset ovat tervetulleita mukaan.", "Tutustumme lähialueen palveluihin ja harrastuksiin.",
           "Keskustelemme työstä, koulutuksesta ja terveydestä.",
           "Saat tukea asiointiin ja sähköisiin palveluihin.", "Toiminta on maksutonta kaikille."],
    "sv": ["Kom med i en avslappnad grupp!", "Vi övar vardagliga situationer tillsammans.",
           "Gruppen leds av utbildade frivilliga.", "Du behöver inte anmäla dig i förväg.",
           "Det bjuds på kaffe och te.", "Vid behov får du hjälp också på ditt eget språk.",
           "Gruppen passar dig som redan kan lite svenska eller just har börjat.",
           "Barnen är välkomna med.", "Vi bekantar oss med tjänster och fritidsaktiviteter i närområdet.",
           "Vi pratar om arbete, utbildning och hälsa.",
           "Du får stöd med ärenden och e-tjänster.", "Verksamheten är avgiftsfri för alla."],
    "en": ["Join a relaxed group!", "We practise everyday situations together.",
           "The group is run by trained volunteers.", "You do not need to register in advance.",
           "Coffee and tea are served.", "Help is also available in your own language.",
           "The group suits you whether you already know some Finnish or are just starting.",
           "Children are welcome too.", "We get to know local services and hobbies.",
           "We talk about work, education and health.",
           "You get support with errands and online services.", "Taking part is free for everyone."],
}
ORG_PATTERNS = [
    ("{town}n monikulttuurinen yhdistys ry", "association"),
    ("Kotoutumisen tuki {town} ry", "association"),
    ("{town}n seurakuntayhtymä", "lutheran_parish"),
    ("{town}n kaupunki", "municipality"),
    ("{town}n kansalaisopisto", "educational_institution"),
    ("Maahanmuuttajanaisten verkosto {town} ry", "association"),
    ("{town}n Punaisen Ristin osasto", "association"),
    ("Nuorten kohtaamispaikka {town} ry", "association"),
]


def business_id(n):
    """A Y-tunnus with a valid check digit; 8 first, so it never collides with the demo's 9."""
    weights = (7, 9, 10, 5, 8, 4, 2)
    while True:
        digits = "8%06d" % n
        rest = sum(int(d) * w for d, w in zip(digits, weights)) % 11
        if rest != 1:
            return "%s-%d" % (digits, 0 if rest == 0 else 11 - rest)
        n += 500000   # remainder 1 has no check digit: take another number


def copy_text(value):
    """One field in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (list, tuple)):
        return "{" + ",".join(value) + "}"
    s = str(value)
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def copy_block(out, table, columns, rows):
    out.write("COPY %s (%s) FROM stdin;\n" % (table, ", ".join(columns)))
    for row in rows:
        out.write("\t".join(copy_text(v) for v in row))
        out.write("\n")
    out.write("\\.\n")


def load_municipalities():
    munis = []
    with open(DATA, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            munis.append((row["code"], row["name_fi"], int(row["language_status_code"])))
    return munis


def description(rng, lang, title):
    n = rng.randint(2, 5)
    first = rng.sample(SENTENCES[lang], n)
    second = rng.sample(SENTENCES[lang], 2)
    return "%s. %s\n\n%s" % (title, " ".join(first), " ".join(second))


def pick_languages(rng, sv_area):
    langs = [] if rng.random() < 0.08 else ["fin"]
    if sv_area and rng.random() < 0.6:
        langs.insert(0, "swe")
    for lang in rng.choices(OTHER_LANGS, OTHER_WEIGHTS, k=rng.randint(0, 4)):
        if lang not in langs:
            langs.append(lang)
    return langs or ["eng"]


def organisations(rng, count, munis, weights):
    rows = []
    for i in range(count):
        code, town, _ = rng.choices(munis, weights)[0]
        pattern, kind = rng.choice(ORG_PATTERNS)
        # the same town and pattern can occur twice: the number keeps names unique
        name = pattern.format(town=town) + ("" if i < len(munis) else " %d" % (i // len(munis)))
        rows.append((ORG_ID0 + i, name, kind, business_id(i + 1), code, "approved"))
    return rows


def weekly_slots(rng):
    slots = []
    for day in sorted(rng.sample(range(1, 8), rng.choice((1, 1, 1, 2)))):
        hour = rng.choice((9, 10, 12, 13, 14, 16, 17, 18))
        slots.append((day, "%02d:00" % hour, "%02d:30" % (hour + 1)))
    return slots


def activity(rng, aid, org, munis, weights, today):
    is_online = rng.random() < 0.06
    nationwide = rng.random() < (0.4 if is_online else 0.015)
    code, town, status = rng.choices(munis, weights)[0]
    municipality = None if (is_online or nationwide) and rng.random() < 0.85 else code
    sv_area = status in (1, 2, 3) and rng.random() < (0.9 if status >= 2 else 0.35)
    forms = []
    for form in rng.choices(FORMS, FORM_WEIGHTS, k=rng.choice((1, 1, 2, 2, 3))):
        if form not in forms:
            forms.append(form)
    if is_online:
        forms.append("online_phone")
    stem = rng.choice(TITLES[forms[0]])
    place = ONLINE_TITLES[rng.randrange(2)] if is_online else (town, town, town)
    titles = ["%s %s" % (stem[0], place[0]), "%s – %s" % (stem[1], place[1]),
              "%s – %s" % (stem[2], place[2])]
    has = [rng.random() < 0.93, sv_area or rng.random() < 0.25, rng.random() < 0.55]
    if not any(has):
        has[0] = True
    texts = [titles[i] if has[i] else None for i in range(3)]
    descs = [description(rng, l, titles[i]) if has[i] else None
             for i, l in enumerate(("fi", "sv", "en"))]
    published = today - datetime.timedelta(days=rng.randint(0, 700), minutes=rng.randint(0, 1439))
    start = published.date() - datetime.timedelta(days=rng.randint(0, 60))
    end = start + datetime.timedelta(days=rng.choice((90, 180, 270, 365, 540)))
    price = "0" if rng.random() < 0.82 else rng.choice(("2.00", "3.00", "5.00", "10.00", "20.00"))
    version = (aid, 1, published.isoformat(), texts[0], texts[1], texts[2], descs[0], descs[1],
               descs[2], forms, rng.sample(THEMES, rng.randint(1, 3)),
               rng.sample(TARGETS, rng.randint(1, 3)), pick_languages(rng, sv_area),
               municipality, is_online, nationwide, start.isoformat(), end.isoformat(), price,
               rng.choice(("drop_in", "drop_in", "required")))
    # a draft until main() publishes them all at once, updated a second early (see there)
    act = (aid, org, "draft", None, 1, published.isoformat(),
           (published - datetime.timedelta(seconds=1)).isoformat(), published.isoformat(),
           published.isoformat())
    if rng.random() < 0.15:
        first = datetime.datetime.combine(start, datetime.time(rng.choice((10, 17, 18))))
        sessions = [(aid, 1, i + 1, (first + datetime.timedelta(days=14 * i)).isoformat(sep=" "),
                     (first + datetime.timedelta(days=14 * i, hours=2)).isoformat(sep=" "))
                    for i in range(rng.randint(3, 10))]
        return act, version, [], sessions
    slots = [(aid, 1, i + 1) + s for i, s in enumerate(weekly_slots(rng))]
    return act, version, slots, []


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100000)
    ap.add_argument("--orgs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    munis = load_municipalities()
    weights = [POPULATION.get(code, SMALL_TOWN) for code, _, _ in munis]
    today = datetime.datetime(2026, 11, 1, 12, 0, tzinfo=datetime.timezone.utc)

    out = sys.stdout
    out.write("\\set ON_ERROR_STOP 1\nBEGIN;\n")
    orgs = organisations(rng, args.orgs, munis, weights)
    copy_block(out, "organisations", ("id", "name", "type", "business_id", "municipality_code",
                                      "status"), orgs)
    acts, versions, slots, sessions = [], [], [], []
    for i in range(args.count):
        a, v, sl, se = activity(rng, ACT_ID0 + i, rng.choice(orgs)[0], munis, weights, today)
        acts.append(a)
        versions.append(v)
        slots.extend(sl)
        sessions.extend(se)
    # The triggers that keep the search and feed tables run at the end of each COPY, in
    # this transaction, and are planned with the statistics of the tables before it:
    # with the demo's 60 listings counted, a trigger on the versions joined the 100 000
    # new ones to the public listings by rescanning one for each row of the other (hours).
    out.write("ANALYZE organisations;\n")
    copy_block(out, "activities", ("id", "organisation_id", "state", "published_version",
                                   "latest_version", "created_at", "updated_at", "published_at",
                                   "confirmed_at"), acts)
    out.write("ANALYZE activities;\n")
    copy_block(out, "activity_versions",
               ("activity_id", "version", "created_at", "title_fi", "title_sv", "title_en",
                "description_fi", "description_sv", "description_en", "forms", "themes",
                "targets", "languages", "municipality_code", "is_online", "is_nationwide",
                "start_date", "end_date", "price_eur", "registration"), versions)
    copy_block(out, "activity_schedule", ("activity_id", "version", "position", "weekday",
                                          "starts", "ends"), slots)
    copy_block(out, "activity_sessions", ("activity_id", "version", "position", "starts_at",
                                          "ends_at"), sessions)
    # Published last, in one statement, when every version, weekly time and session is
    # there: the triggers then write each listing's search rows once, complete (loading
    # them public would write the rows with the versions and update them again with the
    # times, twice the work and a search table twice its size).  The UPDATE moves
    # updated_at on by the second the COPY took off, so that the feed's trigger, which
    # stamps a publication without its own time with now(), keeps the generated times.
    for table in ("activity_versions", "activity_schedule", "activity_sessions"):
        out.write("ANALYZE %s;\n" % table)
    out.write("UPDATE activities SET state = 'published', published_version = 1,"
              " updated_at = updated_at + interval '1 second' WHERE id >= %d;\n" % ACT_ID0)
    out.write("SELECT setval(pg_get_serial_sequence('organisations', 'id'),"
              " (SELECT max(id) FROM organisations));\n")
    out.write("SELECT setval(pg_get_serial_sequence('activities', 'id'),"
              " (SELECT max(id) FROM activities));\n")
    out.write("COMMIT;\nANALYZE;\n")


if __name__ == "__main__":
    main()
