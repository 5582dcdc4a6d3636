"""Names as each language writes them (issue 14): Swedish writes language names in lower
case ("finska, engelska"), English names a municipality as its majority language does
(Mariehamn, not Maarianhamina).  Fixed where the data is made (tools/kt-iso639-sql,
tools/gen-reference-sql) and, for existing databases, by sql/013_trust.sql and the languages
upsert that tools/kt-migrate runs every time."""
import os
import pathlib
import re
import subprocess
import importlib.util
from importlib.machinery import SourceFileLoader

import pytest
from lxml import html as lxml_html

ROOT = pathlib.Path(__file__).resolve().parents[2]


def load_tool(name):
    """A script of tools/ (no .py suffix) as a module."""
    loader = SourceFileLoader(name.replace("-", "_"), str(ROOT / "tools" / name))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(module)
    return module


ISO639 = load_tool("kt-iso639-sql")
GEN_REF = load_tool("gen-reference-sql")
DATA_DIR = ROOT.parent / "shared" / "data"


@pytest.mark.parametrize("catalog, swedish", [
    ("Finska", "finska"), ("Engelska", "engelska"), ("Arabiska", "arabiska"),
    ("Somali", "somali"), ("Dari", "dari"),
    ("Haitiska (Haitisk kreol)", "haitiska (haitisk kreol)"),
    ("Krimtatariska (Krimturkiska)", "krimtatariska (krimturkiska)"),
    ("Atong (Indien)", "atong (Indien)"),              # a place stays a place
    ("Kap Verde-kreol", "Kap Verde-kreol"),            # begins with a place
    ("Papua Nya Guinea-teckenspråk", "Papua Nya Guinea-teckenspråk"),
    ("Western Abnaki", "Western Abnaki"),              # English, untranslated
    ("finska", "finska"), ("", ""), (None, None),
])
def test_swedish_language_names_are_lower_case(catalog, swedish):
    assert ISO639.swedish_case(catalog) == swedish


@pytest.mark.parametrize("fi, sv, status, en", [
    ("Maarianhamina", "Mariehamn", 2, "Mariehamn"),      # monolingual Swedish
    ("Pietarsaari", "Jakobstad", 3, "Jakobstad"),        # bilingual, Swedish majority
    ("Raasepori", "Raseborg", 3, "Raseborg"),
    ("Helsinki", "Helsingfors", 1, "Helsinki"),          # bilingual, Finnish majority
    ("Vaasa", "Vasa", 1, "Vaasa"),
    ("Tampere", "Tammerfors", 0, "Tampere"),             # monolingual Finnish
])
def test_english_municipality_name_is_the_majority_languages(fi, sv, status, en):
    assert GEN_REF.municipality_name_en(fi, sv, status) == en


def test_migration_has_the_generators_english_names():
    if not (DATA_DIR / "municipalities.csv").exists():
        pytest.skip("no %s: the generator's input is not on this machine" % DATA_DIR)
    out = subprocess.run([str(ROOT / "tools" / "gen-reference-sql"), "--english-names",
                          str(DATA_DIR)], capture_output=True, text=True, check=True).stdout
    assert out in (ROOT / "sql" / "013_trust.sql").read_text(encoding="utf-8")
    assert "('478', 'Mariehamn')" in out and "Helsinki" not in out


def test_database_has_the_names(psql):
    names = dict(psql("SELECT code, name_sv FROM languages WHERE code IN"
                      " ('fin', 'swe', 'eng', 'ara', 'som', 'rus', 'prs')"))
    assert names == {"fin": "finska", "swe": "svenska", "eng": "engelska", "ara": "arabiska",
                     "som": "somali", "rus": "ryska", "prs": "dari"}
    # no one-word Swedish name is capitalised any more
    assert psql("SELECT count(*) FROM languages WHERE name_sv ~ '^[[:upper:]][^ ]*$'") == [("0",)]
    munis = dict(psql("SELECT code, name_en FROM municipalities WHERE code IN"
                      " ('478', '598', '091', '905', '035', '545')"))
    assert munis == {"478": "Mariehamn", "598": "Jakobstad", "091": "Helsinki", "905": "Vaasa",
                     "035": "Brändö", "545": "Närpes"}
    # every Swedish-speaking or Swedish-majority municipality has its Swedish name in English
    assert psql("SELECT count(*) FROM municipalities WHERE name_en <> CASE WHEN language_status"
                " IN (2, 3) THEN name_sv ELSE name_fi END OR name_en IS NULL") == [("0",)]


def test_pages_show_them(http):
    doc = lxml_html.fromstring(http.get("/sv/activities/1").content)
    terms = [li.text_content() for li in doc.xpath("//main//ul[@class='terms']/li")]
    assert "finska" in terms and "engelska" in terms and "Finska" not in terms, terms
    # the cards of the front page list them with commas
    front = lxml_html.fromstring(http.get("/sv/").content)
    assert any(dd.text_content().startswith("finska, ")
               for dd in front.xpath("//main//dl[@class='card-facts']//dd"))
    en = http.get("/en/activities?municipality=478").text
    assert "Mariehamn" in en and "Maarianhamina" not in en
    # the Finnish and Swedish pages keep their own names
    assert "Maarianhamina" in http.get("/fi/activities?municipality=478").text
    assert "Mariehamn" in http.get("/sv/activities?municipality=478").text
    # the organisation form's municipalities, in English
    assert not re.search(r">Pietarsaari<", http.get("/en/activities").text)
