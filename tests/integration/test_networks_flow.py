"""What a network does beyond the life every kind shares (test_kinds_flow.py): wrong values
shown as messages and kept, the area's choices, the length of a list; kt-admin daily reminding,
then archiving a network not confirmed as current for a year."""
from conftest import run_psql, run_psql_value
from kt_accounts import last_mail, page
from kt_listings import field_errors, workspace_fixture
from kt_networks import NETWORK, NetworkWorkspace
from test_listings_freshness import daily

ws = workspace_fixture(NetworkWorkspace)


def test_wrong_values_are_messages_and_kept(ws):
    nid = ws.create(title_fi="Verkosto")
    r = ws.edit(nid, area="municipalities", municipalities=["999", "285"],
                audiences=["nobody"], contact_email="not an address", url="javascript:x")
    assert r.status_code == 400
    found = field_errors(r)
    for field in ("municipalities", "audiences", "contact_email", "url"):
        assert "listing-" + field in found, (field, found)
    doc = page(r)
    assert doc.xpath("//select[@name='municipalities']/optgroup/option[@value='285'][@selected]")
    # the other choices of the area are not kept: a region typed with municipalities goes
    assert ws.edit(nid, area="municipalities", region="08",
                   municipalities=["285", "286"]).status_code == 303
    assert NETWORK.version_value(nid, 1, "region_code") is None
    assert NETWORK.version_value(nid, 1, "municipalities::text") == "{285,286}"
    # fifty-one items are too many for one list
    r = ws.edit(nid, benefits_en="\n".join("item %d" % i for i in range(51)))
    assert r.status_code == 400 and "listing-benefits_en" in field_errors(r)


def test_daily_reminds_and_archives_a_network_not_confirmed_for_a_year(ws, http):
    nid = ws.publish(title_fi="Unohtunut verkosto")
    # (a clock in the past, so that no demo listing is due)
    run_psql("UPDATE networks SET confirmed_at = '2018-07-15' WHERE id = :'i'", i=nid)
    daily("2019-06-20T06:00:00Z")
    assert ws.state(nid)[0] == "published"
    assert last_mail(ws.main_email, "network_reminder")[1] == \
        "Vahvista, että verkoston tiedot ovat ajan tasalla: Unohtunut verkosto"
    out = daily("2019-07-20T06:00:00Z").stdout
    assert "1 unconfirmed" in out
    assert ws.state(nid)[0] == "archived"
    assert run_psql_value("SELECT archive_reason FROM networks WHERE id = :'i'",
                          i=nid) == "unconfirmed"
    assert NETWORK.audit(nid)[-1] == ("network.expire", "1")
    assert last_mail(ws.main_email, "network_expired")
    assert http.get("/fi/networks/%s" % nid).status_code == 410
