"""The feed's hand-written schema (xslt/feed/activities.xsd): its enumerations are the
service's vocabularies, and it is precise enough to refuse what the feed must never say."""
import copy

import pytest
from lxml import etree

from feedlib import N, NS, XSD_DIR, activity, fetch, schema

XS = {"xs": "http://www.w3.org/2001/XMLSchema"}


def enumeration(type_name):
    doc = etree.parse(str(XSD_DIR / "activities.xsd"))
    return doc.xpath("//xs:simpleType[@name=$n]//xs:enumeration/@value", namespaces=XS,
                     n=type_name)


@pytest.mark.parametrize("type_name,table", [
    ("formCode", "activity_forms"), ("themeCode", "themes"), ("targetCode", "target_groups"),
    ("organisationType", "organisation_types"),
])
def test_enumerations_are_the_vocabularies(psql, type_name, table):
    # the table names are ours, not input: safe to put in the SQL text
    codes = [r[0] for r in psql("SELECT code FROM %s ORDER BY position" % table)]
    assert codes, table
    assert enumeration(type_name) == codes


def test_schema_compiles_with_only_local_files():
    # xml.xsd comes from beside it: no network access is needed to validate
    parser = etree.XMLParser(no_network=True)
    etree.XMLSchema(etree.parse(str(XSD_DIR / "activities.xsd"), parser))


@pytest.fixture(scope="module")
def sample(kt):
    import requests
    r = requests.get(kt.base_url + "/feed/activities.xml", params={"limit": 1000}, timeout=15)
    return etree.fromstring(r.content)


def one(sample, ident=1):
    """A document with just activity `ident`, to spoil."""
    doc = copy.deepcopy(sample)
    for el in list(doc):
        if el.get("id") != str(ident):
            doc.remove(el)
    assert schema().validate(doc), schema().error_log
    return doc


def a(doc):
    return doc.find("f:activity", N)


SPOILERS = {
    "unknown form": lambda d: a(d).find("f:forms/f:form", N).set("code", "knitting"),
    "unknown target": lambda d: a(d).find("f:targets/f:target", N).set("code", "cats"),
    "title without xml:lang": lambda d: a(d).find("f:title", N).attrib.clear(),
    "no title": lambda d: [a(d).remove(t) for t in a(d).findall("f:title", N)],
    "updated not in UTC": lambda d: a(d).set("updated", "2026-11-20T10:00:00+02:00"),
    "updated without zone": lambda d: a(d).set("updated", "2026-11-20T10:00:00"),
    "municipality of two digits": lambda d: a(d).find("f:place/f:municipality", N).set("code", "91"),
    "region of letters": lambda d: a(d).find("f:place/f:region", N).set("code", "UU"),
    "business id without check digit": lambda d: a(d).find("f:organisation", N).set(
        "business-id", "9010007"),
    "language code of two letters": lambda d: a(d).find("f:languages/f:language", N).set(
        "code", "fi"),
    "weekday 8": lambda d: a(d).find("f:schedule/f:slot", N).set("weekday", "8"),
    "time without seconds": lambda d: a(d).find("f:schedule/f:slot", N).set("start", "17:00"),
    "zero price that is not free": lambda d: a(d).find("f:price", N).set("amount", "0"),
    "postal code of four digits": lambda d: a(d).find("f:place/f:address", N).set(
        "postal-code", "0093"),
    "canonical missing": lambda d: a(d).remove(a(d).find("f:canonical", N)),
    "unknown element": lambda d: etree.SubElement(a(d), "{%s}colour" % NS),
    "element out of order": lambda d: a(d).append(a(d).find("f:forms", N)),
    "same id twice": lambda d: d.insert(1, copy.deepcopy(a(d))),
    "next not http": lambda d: etree.SubElement(d, "{%s}next" % NS).__setattr__(
        "text", "javascript:alert(1)"),
    "id zero": lambda d: a(d).set("id", "0"),
}


@pytest.mark.parametrize("what", sorted(SPOILERS))
def test_schema_refuses(sample, what):
    doc = one(sample)
    SPOILERS[what](doc)
    assert not schema().validate(doc), what


def test_deleted_and_error_documents(sample):
    doc = etree.fromstring(
        b'<activities xmlns="urn:kotoutuminen:feed:1"><deleted id="5" at="2026-11-20T08:00:00Z"/>'
        b'<next>https://example.org/feed/activities.xml?cursor=x</next></activities>')
    assert schema().validate(doc), schema().error_log
    doc = etree.fromstring(
        b'<error xmlns="urn:kotoutuminen:feed:1" status="400" param="limit" reason="bad-value">'
        b'no</error>')
    assert schema().validate(doc), schema().error_log
    doc = etree.fromstring(
        b'<error xmlns="urn:kotoutuminen:feed:1" status="200">no</error>')
    assert not schema().validate(doc)


def test_every_demo_activity_validates(http):
    _, doc = fetch(http, {"limit": 1000})
    assert activity(doc, 1) is not None and activity(doc, 3) is not None
