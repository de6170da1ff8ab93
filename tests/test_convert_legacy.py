"""Migrating from ST.66, ST.36 and ST.86: the converters, their report, their mapping tables.

The ST.66 tests compare the converter's output, field by field, with the USPTO's own ST.96
version of the same three marks (an older ST.96 version, so values are compared, not text).
Expected values are never written here: they are read from the ST.66 input, and agreement is
computed against the USPTO's ST.96.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from conftest import CORPUS, LEGACY, SAMPLES, SHARED
from lxml import etree

from st96kit.cli.main import main
from st96kit.convert.legacy import Conversion, convert, st36, st66, st86
from st96kit.convert.legacy.mapping import check_table, read_annex
from st96kit.convert.legacy.values import to_boolean, to_date
from st96kit.errors import InputError

ST66_FILES = sorted((LEGACY / "st66").glob("*-ST66.xml"))
ST36_FILES = sorted((LEGACY / "st36").glob("*.xml"))
ST86_SAMPLE = CORPUS / "legacy" / "st86" / "design-ST86.xml"
SUPPLY = {"com:TransactionIdentifier": "T-1", "com:TransactionSubCode": "Normal"}

NS66 = {"t": st66.NAMESPACE, "us": st66.USPTO}
NS96 = {"com": "http://www.wipo.int/standards/XMLSchema/ST96/Common",
        "tmk": "http://www.wipo.int/standards/XMLSchema/ST96/Trademark",
        "pat": "http://www.wipo.int/standards/XMLSchema/ST96/Patent",
        "dgn": "http://www.wipo.int/standards/XMLSchema/ST96/Design"}


@cache
def converted(path: Path, standard: str, supplied: bool = False) -> Conversion:
    return convert(path, standard, supply=SUPPLY if supplied else None)


def tree(data: bytes | Path) -> etree._Element:
    if isinstance(data, Path):
        return etree.parse(str(data)).getroot()
    return etree.fromstring(data)


def texts(root: etree._Element, xpath: str, ns: dict[str, str]) -> list[str]:
    """Non-blank text values at ``xpath``, whitespace-trimmed."""
    found = [(node if isinstance(node, str) else node.text or "").strip()
             for node in root.xpath(xpath, namespaces=ns)]
    return [value for value in found if value]


def day(value: str) -> str:
    """A date without its time zone: 2009-01-28-05:00 -> 2009-01-28."""
    return value[:10]


# --- ST.66 fields ---------------------------------------------------------------------------------

_TM66 = "//t:TradeMarkDetails/t:TradeMark"
_TM96 = "//tmk:Trademark"


def _party66(party: etree._Element) -> tuple[str, ...]:
    name = texts(party, ".//t:FreeFormatNameLine", NS66)
    address = texts(party, ".//t:FormattedAddress/*[not(self::t:AddressCity or "
                    "self::t:AddressState or self::t:AddressPostcode or "
                    "self::t:FormattedAddressCountryCode or self::t:FormattedAddressExt)]", NS66)
    rest = [texts(party, f".//t:FormattedAddress/t:{n}", NS66)
            for n in ("AddressCity", "AddressState", "AddressPostcode",
                      "FormattedAddressCountryCode")]
    contact = [texts(party, f".//t:ContactInformationDetails/t:{n}", NS66)
               for n in ("Phone", "Fax", "Email")]
    legal = texts(party, "t:ApplicantLegalEntity|t:ApplicantIncorporationCountryCode", NS66)
    return (repr(sorted(set(name))), repr(address), *map(repr, rest), *map(repr, contact),
            repr(legal))


def _party96(party: etree._Element) -> tuple[str, ...]:
    name = texts(party, ".//com:Name//com:EntityName|.//com:Name//com:PersonFullName|"
                 ".//com:Name//com:OrganizationStandardName", NS96)
    address = texts(party, ".//com:PostalStructuredAddress/com:AddressLineText", NS96)
    rest = [texts(party, f".//com:PostalStructuredAddress/com:{n}", NS96)
            for n in ("CityName", "GeographicRegionName", "PostalCode", "CountryCode")]
    contact = [texts(party, f".//com:{n}", NS96)
               for n in ("PhoneNumber", "FaxNumber", "EmailAddressText")]
    legal = texts(party, "com:LegalEntityName|com:IncorporationCountryCode", NS96)
    return (repr(sorted(set(name))), repr(address), *map(repr, rest), *map(repr, contact),
            repr(legal))


def _representatives66(root: etree._Element, role: str) -> list[str]:
    found = root.xpath(f"{_TM66}//t:Representative[t:Comment='{role}']", namespaces=NS66)
    return [repr(_party66(r)[:9]) for r in found if texts(r, ".//t:FreeFormatNameLine", NS66)]


def _representatives96(root: etree._Element, role: str, uspto_element: str) -> list[str]:
    found = root.xpath(f"//com:Representative[com:CommentText='{role}']|//tmk:{uspto_element}",
                       namespaces=NS96)
    return [repr(_party96(r)[:9]) for r in found]


def _events66(root: etree._Element, part: str) -> list[str]:
    events = root.xpath(f"{_TM66}/t:MarkEventDetails/t:MarkEvent", namespaces=NS66)
    xpath = {"date": "t:MarkEventDate", "code": "t:MarkEventCode",
             "description": "t:MarkEventExt/us:MarkEventInternalDescriptionText"}[part]
    values = [texts(e, xpath, NS66) for e in events]
    return [day(v[0]) if part == "date" else v[0] for v in values if v]


def _events96(root: etree._Element, part: str) -> list[str]:
    events = root.xpath("//tmk:MarkEventBag/tmk:MarkEvent", namespaces=NS96)
    xpath = {"date": "tmk:MarkEventDate", "code": "tmk:NationalMarkEvent/tmk:MarkEventCode",
             "description": "tmk:NationalMarkEvent/tmk:MarkEventDescriptionText"}[part]
    values = [texts(e, xpath, NS96) for e in events]
    return [day(v[0]) if part == "date" else v[0] for v in values if v]


Extract = Callable[[etree._Element], list[str]]


def _simple(xpath66: str, xpath96: str, *, date: bool = False) -> tuple[Extract, Extract]:
    def norm(values: list[str]) -> list[str]:
        return [day(v) for v in values] if date else values

    return (lambda r: norm(texts(r, xpath66, NS66)), lambda r: norm(texts(r, xpath96, NS96)))


ST66_FIELDS: dict[str, tuple[Extract, Extract]] = {
    "application number": _simple(f"{_TM66}/t:ApplicationNumber",
                                  f"{_TM96}/com:ApplicationNumber/com:ApplicationNumberText"),
    "application date": _simple(f"{_TM66}/t:ApplicationDate",
                                f"{_TM96}/com:ApplicationDate|{_TM96}/tmk:ApplicationDate",
                                date=True),
    "registration number": _simple(f"{_TM66}/t:RegistrationNumber",
                                   f"{_TM96}/com:RegistrationNumber"),
    "registration date": _simple(f"{_TM66}/t:RegistrationDate", f"{_TM96}/com:RegistrationDate",
                                 date=True),
    "mark text": _simple(f"{_TM66}/t:WordMarkSpecification/t:MarkVerbalElementText",
                         "//tmk:WordMarkSpecification/tmk:MarkVerbalElementText"),
    # ST.66 spells categories in title case ("Service Mark"), ST.96 in sentence case.
    "mark category": (
        lambda r: [c.strip().lower() for v in texts(r, f"{_TM66}/t:KindMark", NS66)
                   for c in v.split(",")],
        lambda r: [c.lower() for c in texts(r, f"{_TM96}/tmk:MarkCategory", NS96)]),
    "status code": _simple(f"{_TM66}/t:MarkCurrentStatusCode",
                           f"{_TM96}/tmk:MarkCurrentStatusCode"),
    "status date": _simple(f"{_TM66}/t:MarkCurrentStatusDate",
                           f"{_TM96}/tmk:MarkCurrentStatusDate", date=True),
    "classes": (
        lambda r: [f"{c.findtext('t:ClassNumber', '', NS66)}: "
                   f"{c.findtext('t:GoodsServicesDescription', '', NS66)}"
                   for c in r.xpath(f"{_TM66}//t:ClassDescription", namespaces=NS66)],
        lambda r: [f"{c.findtext('tmk:ClassNumber', '', NS96)}: "
                   f"{c.findtext('tmk:GoodsServicesDescriptionText', '', NS96)}"
                   for c in r.xpath("//tmk:ClassDescription[tmk:ClassNumber]",
                                    namespaces=NS96)]),
    "publication": (
        lambda r: [f"{p.findtext('t:PublicationIdentifier', '', NS66)} "
                   f"{day(p.findtext('t:PublicationDate', '', NS66))}"
                   for p in r.xpath(f"{_TM66}//t:Publication", namespaces=NS66)],
        lambda r: [f"{p.findtext('com:PublicationIdentifier', '', NS96)} "
                   f"{day(p.findtext('com:PublicationDate', '', NS96))}"
                   for p in r.xpath("//tmk:Publication", namespaces=NS96)]),
    "applicants": (
        lambda r: [repr(_party66(a)) for a in r.xpath("//t:Applicant", namespaces=NS66)],
        lambda r: [repr(_party96(a)) for a in r.xpath("//tmk:Applicant", namespaces=NS96)]),
    "correspondent": (lambda r: _representatives66(r, "Domestic Correspondent"),
                      lambda r: _representatives96(r, "Domestic Correspondent",
                                                   "NationalCorrespondent")),
    "attorney of record": (lambda r: _representatives66(r, "Attorney of Record"),
                           lambda r: _representatives96(r, "Attorney of Record",
                                                        "RecordAttorney")),
    "event dates": (lambda r: _events66(r, "date"), lambda r: _events96(r, "date")),
    "event codes": (lambda r: _events66(r, "code"), lambda r: _events96(r, "code")),
    "event descriptions": (lambda r: _events66(r, "description"),
                           lambda r: _events96(r, "description")),
}

#: Where the USPTO's ST.96 says something other than its own ST.66, and why.
#: - event codes: the USPTO's ST.96 appends a letter (the event's type) to the ST.66 code;
#: - correspondent and attorney: its ST.96 splits the ST.66 free-format name lines into person
#:   and organization names and drops the ST.66 telephone and e-mail of the attorney; the
#:   values compared here are the same strings, so these agree.
EVENT_CODE_SUFFIX = re.compile(r"^(?P<code>.+)[A-Z]$")


def agreement(source: list[str], ours: list[str], theirs: list[str],
              ordered: bool) -> tuple[int, int, int]:
    """(values in the ST.66 input, carried into our output, agreeing with the USPTO's)."""
    if ordered:
        carried = sum(1 for a, b in zip(source, ours, strict=False) if a == b)
        agree = sum(1 for a, b, c in zip(source, ours, theirs, strict=False) if a == b == c)
        return len(source), carried, agree
    ours_left, theirs_left = Counter(ours), Counter(theirs)
    carried = agree = 0
    for value in source:
        if ours_left[value]:
            ours_left[value] -= 1
            carried += 1
            if theirs_left[value]:
                theirs_left[value] -= 1
                agree += 1
    return len(source), carried, agree


def st66_figures(path: Path) -> dict[str, tuple[int, int, int]]:
    source = tree(path)
    ours = tree(converted(path, "st66", True).xml)
    theirs = tree(SAMPLES / "uspto-tsdr" / path.name.replace("-ST66", "-ST96"))
    figures = {}
    for name, (from66, from96) in ST66_FIELDS.items():
        ordered = name.startswith("event")
        figures[name] = agreement(from66(source), from96(ours), from96(theirs), ordered)
    return figures


@pytest.mark.parametrize("path", ST66_FILES, ids=lambda p: p.stem)
def test_st66_fields_agree_with_the_usptos_st96(path: Path) -> None:
    figures = st66_figures(path)
    for name, (total, carried, agree) in figures.items():
        print(f"{path.stem:18} {name:20} carried {carried}/{total}  agree {agree}/{total}")
    for name, (total, carried, agree) in figures.items():
        assert carried == total, f"{name}: {carried} of {total} ST.66 values carried over"
        if name != "event codes":
            assert agree == total, f"{name}: {agree} of {total} agree with the USPTO's ST.96"
    # Event codes: the USPTO's ST.96 code is the ST.66 code and one more letter.
    ours = _events96(tree(converted(path, "st66", True).xml), "code")
    theirs = _events96(tree(SAMPLES / "uspto-tsdr" / path.name.replace("-ST66", "-ST96")),
                       "code")
    assert len(ours) == len(theirs) == figures["event codes"][0]
    for mine, uspto in zip(ours, theirs, strict=True):
        match = EVENT_CODE_SUFFIX.match(uspto)
        assert match is not None and match.group("code") == mine, (mine, uspto)


@pytest.mark.parametrize("path", ST66_FILES, ids=lambda p: p.stem)
def test_st66_output_is_valid_or_the_report_says_exactly_why(path: Path) -> None:
    plain = converted(path, "st66")
    source = tree(path)
    missing = {r.name for r in plain.report.required}
    if not texts(source, "//t:TransactionIdentifier", NS66):
        assert "com:TransactionIdentifier" in missing
    if not texts(source, "//t:TransactionSubCode", NS66):
        assert "com:TransactionSubCode" in missing
    assert plain.report.validation is not None
    if plain.valid:
        assert not missing
    else:
        places = [r.path for r in plain.report.required]
        assert plain.report.validation.errors
        for error in plain.report.validation.errors:
            assert error.path is not None
            assert any(error.path.startswith(p) for p in places), error
    supplied = converted(path, "st66", True)
    assert supplied.valid, [str(e) for e in supplied.report.validation.errors]  # type: ignore
    assert supplied.document.root.__class__.__name__ == "TrademarkTransaction"


@pytest.mark.parametrize("path", ST66_FILES, ids=lambda p: p.stem)
def test_st66_report_names_extensions_and_unmapped_values(path: Path) -> None:
    report = converted(path, "st66", True).report
    source = tree(path)
    feature = texts(source, f"{_TM66}/t:MarkFeature", NS66)
    unmapped = {(v.path.rsplit("/", 1)[-1], v.value) for v in report.values}
    for value in feature:
        assert ("MarkFeature", value) in unmapped
    extension_paths = {n.path for n in report.not_carried if "extension" in n.reason}
    for ext in source.xpath(f"{_TM66}/t:TradeMarkExt", namespaces=NS66):
        assert any(p.endswith("/TradeMarkExt") for p in extension_paths), ext
    assert all(n.line == 1 for n in report.not_carried)  # the USPTO writes one line


def test_st66_trace_covers_every_output_value() -> None:
    result = converted(ST66_FILES[0], "st66", True)
    traced = {re.sub(r"\[\d+\]", "", t.output) for t in result.report.trace}
    output = tree(result.xml)
    for element in output.iter():
        if element.text and element.text.strip() and not len(element):
            path = "/" + "/".join(
                re.sub(r"\{([^}]*)\}", lambda m: _prefix(m.group(1)) + ":",
                       str(e.tag)) for e in reversed([element, *element.iterancestors()]))
            assert path in traced, path
    assert any(t.row.startswith("Annex VI ST66 main#") for t in result.report.trace)


def _prefix(uri: str) -> str:
    return next(p for p, u in NS96.items() if u == uri)


# --- ST.36 ---------------------------------------------------------------------------------------

def _normal(text: str) -> str:
    return " ".join(text.split())


def _text(element: etree._Element, skip: tuple[str, ...] = ()) -> str:
    """The text content of an element, leaving out whole subtrees named in ``skip``."""
    parts: list[str] = []

    def visit(node: etree._Element) -> None:
        if not isinstance(node.tag, str):
            return
        if etree.QName(node).localname in skip:
            return
        parts.append(node.text or "")
        for child in node:
            visit(child)
            parts.append(child.tail or "")

    visit(element)
    return _normal("".join(parts))


#: Per variant: XPaths into the ST.36 input for the bibliographic facts.
ST36_SOURCE = {
    "ep-patent-document": {
        "publication number": "//B110", "kind": "//B130", "publication date": "//B140/date",
        "application number": "//B210", "filing date": "//B220/date",
        "titles": "//B542", "applicants": "//B711/snm", "inventors": "//B721/snm",
        "agents": "//B741/snm", "classifications": "//classification-ipcr/text",
    },
    "us-patent-application": {
        "publication number": "//publication-reference//doc-number",
        "kind": "//publication-reference//kind",
        "publication date": "//publication-reference//date",
        "application number": "//application-reference//doc-number",
        "filing date": "//application-reference//date",
        "titles": "//invention-title", "applicants": "//us-applicant//orgname",
        "inventors": "//inventor//last-name", "agents": "//agent//last-name",
        "classifications": "//classification-ipcr/subgroup",
    },
    "jp-official-gazette": {
        "publication number": "//publication-reference//doc-number",
        "kind": "/*/@kind-of-st16", "publication date": "//publication-reference//date",
        "application number": "//application-reference//doc-number",
        "filing date": "//application-reference//date",
        "titles": "//invention-title", "applicants": "//applicant//name",
        "inventors": "//inventor//name", "agents": "//agent//name",
        "classifications": "//classification-ipc/*[self::main-clsf or self::further-clsf]",
    },
}

_BIB = "/pat:PatentPublication/pat:BibliographicData"
ST36_OUTPUT = {
    "publication number": f"{_BIB}/pat:PatentPublicationIdentification/pat:PublicationNumber",
    "kind": f"{_BIB}/pat:PatentPublicationIdentification/com:PatentDocumentKindCode",
    "publication date": f"{_BIB}/pat:PatentPublicationIdentification/com:PublicationDate",
    "application number": f"{_BIB}/pat:ApplicationIdentification/com:ApplicationNumber"
                          "/com:ApplicationNumberText",
    "filing date": f"{_BIB}/pat:ApplicationIdentification/pat:FilingDate",
    "titles": f"{_BIB}/pat:InventionTitleBag/pat:InventionTitle",
    "applicants": f"{_BIB}/pat:PartyBag/pat:ApplicantBag//com:OrganizationStandardName|"
                  f"{_BIB}/pat:PartyBag/pat:ApplicantBag//com:EntityName",
    "inventors": f"{_BIB}/pat:PartyBag/pat:InventorBag//com:LastName|"
                 f"{_BIB}/pat:PartyBag/pat:InventorBag//com:EntityName",
    "agents": f"{_BIB}/pat:PartyBag/pat:RegisteredPractitionerBag//com:LastName|"
              f"{_BIB}/pat:PartyBag/pat:RegisteredPractitionerBag//com:EntityName",
    "classifications": f"{_BIB}/pat:PatentClassificationBag/pat:IPCRClassificationBag"
                       "/pat:IPCRClassification/*[self::pat:PatentClassificationText or "
                       "self::pat:Subgroup]",
}


def _st36_date(value: str) -> str:
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}" if value.isdigit() else value


@pytest.mark.parametrize("path", ST36_FILES, ids=lambda p: p.stem)
def test_st36_output_is_valid_or_the_report_says_exactly_why(path: Path) -> None:
    result = converted(path, "st36")
    assert result.document.root.__class__.__name__ == "PatentPublication"
    validation = result.report.validation
    assert validation is not None
    if not result.valid:
        places = [r.path for r in result.report.required]
        assert places, "an invalid output needs a named reason"
        for error in validation.errors:
            assert error.path and any(error.path.startswith(p) for p in places), error
        supplied = convert(path, "st36", supply={r.name.lstrip("@"): "Agent"
                                                 for r in result.report.required})
        assert supplied.valid


@pytest.mark.parametrize("path", ST36_FILES, ids=lambda p: p.stem)
def test_st36_bibliographic_data_carried_over(path: Path) -> None:
    source = tree(path)
    ours = tree(converted(path, "st36").xml)
    wanted = ST36_SOURCE[etree.QName(source).localname]
    for field, xpath in wanted.items():
        expected = [_normal(v if isinstance(v, str) else _text(v))
                    for v in source.xpath(xpath)]
        expected = [v for v in expected if v]
        if field.endswith("date"):
            expected = [_st36_date(v) for v in expected]
        got = [_normal(_text(e)) for e in ours.xpath(ST36_OUTPUT[field], namespaces=NS96)]
        if field in ("publication number", "application number", "titles", "applicants"):
            assert expected, f"{field}: the test reads nothing from {path.name}"
        assert sorted(set(got)) == sorted(set(expected)), field


@pytest.mark.parametrize("path", ST36_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("part", ["abstract", "description", "claims"])
def test_st36_text_carried_over_without_loss(path: Path, part: str) -> None:
    source = tree(path)
    ours = tree(converted(path, "st36").xml)
    section = source.find(part)
    assert section is not None
    target = {"abstract": "pat:Abstract", "description": "pat:Description",
              "claims": "pat:Claims"}[part]
    out = ours.find(target, NS96)
    assert out is not None
    if part == "claims":
        expected = [_text(c, ("img",)) for c in section.iter("claim")]
        got = [" ".join(_text(t, ("Image",)) for t in c.findall("pat:ClaimText", NS96))
               for c in out.findall("pat:Claim", NS96)]
        assert got == expected
    else:
        assert _text(out, ("Image",)) == _text(section, ("img",))


# --- ST.86 ---------------------------------------------------------------------------------------

def test_st86_sample_converts_and_validates() -> None:
    result = converted(ST86_SAMPLE, "st86")
    assert result.valid, [str(e) for e in result.report.validation.errors]  # type: ignore
    assert not result.report.not_carried and not result.report.values
    source, ours = tree(ST86_SAMPLE), tree(result.xml)
    ns = {"d": st86.NAMESPACE}
    design = "//dgn:DesignBag/dgn:Design"
    pairs = {
        "//d:Design/d:RegistrationNumber": f"{design}/com:RegistrationNumber",
        "//d:Design/d:DesignTitle": f"{design}/dgn:DesignTitleText",
        "//d:Applicant//d:FreeFormatNameLine": "//dgn:Applicant//com:EntityName",
        "//d:Designer//d:FreeFormatNameLine": "//dgn:Designer//com:EntityName",
        "//d:Priority/d:PriorityNumber": "//dgn:Priority//com:ApplicationNumberText",
        "//d:ClassDescription/d:ClassNumber": "//com:LocarnoClassificationText",
    }
    for xpath66, xpath96 in pairs.items():
        assert texts(source, xpath66, ns) == texts(ours, xpath96, NS96)
    assert texts(ours, f"{design}/com:RegistrationDate", NS96) == [
        day(v) for v in texts(source, "//d:Design/d:RegistrationDate", ns)]


def test_st86_without_classification_names_what_v6_0_requires() -> None:
    data = ST86_SAMPLE.read_bytes()
    start = data.index(b"<IndicationProductDetails>")
    end = data.index(b"</IndicationProductDetails>") + len(b"</IndicationProductDetails>")
    result = convert(data[:start] + data[end:], "st86")
    assert not result.valid
    assert [r.name for r in result.report.required] == ["com:DesignClassificationBag"]


# --- mapping tables and values -----------------------------------------------------------------

@pytest.fixture(scope="module")
def annexes() -> dict[str, object]:
    folder = SHARED / "annex-vi"
    return {key: read_annex(key, folder) for key in ("ST66", "ST36-BIB", "ST36-BODY", "ST86")}


def test_every_mapping_row_matches_annex_vi(annexes: dict[str, object]) -> None:
    tables = [st66.transaction_table(single=True, uspto=True),
              st66.transaction_table(single=False, uspto=False),
              st36.EP, st36.US, st36.JP, st86.TRANSACTION]
    problems = [p for t in tables for a in annexes.values()
                for p in check_table(t, a)]  # type: ignore[arg-type]
    assert problems == []


def test_annex_vi_reader_reads_tables_and_value_maps(annexes: dict[str, object]) -> None:
    annex = annexes["ST66"]
    row = annex.row("main#62")  # type: ignore[attr-defined]
    assert row is not None and row.input.endswith("TradeMark/ApplicationNumber")
    kind = annex.value_maps["st66model-V1-1.KindMark"][0]  # type: ignore[attr-defined]
    assert kind["Individual"] == st66.KIND_MARK.entries["Individual"]


def test_value_conversions() -> None:
    assert to_date("2009-01-28-05:00") == "2009-01-28"
    assert to_date("20090128") == "2009-01-28"
    assert to_date("2009-02-30") is None
    assert to_boolean("true") == "true" and to_boolean("0") == "false"
    assert to_boolean("maybe") is None


# --- bad input -----------------------------------------------------------------------------------

@pytest.mark.parametrize("data, standard, message", [
    (b"not xml at all", "st66", "not found"),
    (b"", "st36", "empty"),
    (b"<Transaction xmlns='urn:other'/>", "st66", "not an ST.66 document"),
    (b"<other/>", "st36", "not an ST.36 patent document"),
    (b"<Transaction/>", "st86", "not an ST.86 document"),
    (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', "st36", "entities"),
    (b"<x/>", "st99", "unknown legacy standard"),
])
def test_bad_input_is_a_clear_error(data: bytes, standard: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        convert(data, standard)


def test_an_st96_document_is_not_st66() -> None:
    with pytest.raises(InputError, match=r"already an ST\.96 document"):
        convert(SAMPLES / "uspto-tsdr" / "sn85334015-ST96.xml", "st66")


# --- command line --------------------------------------------------------------------------------

def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["convert", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_cli_writes_a_valid_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mark.xml"
    code, out, _ = _cli(capsys, str(ST66_FILES[0]), "--from", "st66", "--to", "V6_0",
                        "-o", str(target), "--set", "com:TransactionIdentifier=T-1",
                        "--set", "com:TransactionSubCode=Normal")
    assert code == 0
    assert target.read_bytes() == converted(ST66_FILES[0], "st66", True).xml
    assert "validation: valid" in out


def test_cli_does_not_write_an_invalid_output_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mark.xml"
    code, out, _ = _cli(capsys, str(ST66_FILES[0]), "--from", "st66", "-o", str(target),
                        "--format", "json")
    report = json.loads(out)
    assert code == 1 and not target.exists()
    assert report["written"] is False and report["valid"] is False
    assert {r["name"] for r in report["required_but_absent"]} >= {"com:TransactionIdentifier"}
    code, _, _ = _cli(capsys, str(ST66_FILES[0]), "--from", "st66", "-o", str(target),
                      "--force")
    assert code == 1 and target.exists()


def test_cli_writes_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(capsys, str(ST86_SAMPLE), "--from", "st86")
    assert code == 0
    assert out.startswith("<?xml") and "dgn:DesignTransaction" in out
    assert "validation: valid" in err


@pytest.mark.parametrize("args", [
    ["--from", "st66"],
    ["--from", "st36"],
    ["--to", "V6_0"],
    ["--from", "st66", "--set", "no-equals-sign"],
])
def test_cli_bad_input_exits_two_with_one_line(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<Transaction xmlns='urn:not-st66'/>")
    code, _, err = _cli(capsys, str(bad), *args)
    assert code == 2
    lines = [line for line in err.splitlines() if line.startswith("st96kit: error:")]
    assert len(lines) == 1, err


def test_cli_st96_file_passed_as_st66(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _cli(capsys, str(SAMPLES / "uspto-tsdr" / "sn85334015-ST96.xml"),
                        "--from", "st66")
    assert code == 2 and "already an ST.96 document" in err
