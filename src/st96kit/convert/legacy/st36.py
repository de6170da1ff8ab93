"""ST.36 (patents) -> ST.96 V6_0 ``pat:PatentPublication``.

Annex VI maps ST.36 ``bibliographic-data`` (v2.3) to ``pat:BibliographicData`` and
``application-body`` (v1.6) to ``pat:ApplicationBody``; a publication is both, so the rows come
from the two pages (``ST36-BIB`` and ``ST36-BODY``): bibliographic components (publication and
application references, classifications, priority claims, parties, address book) and body
components (abstract, description sections, paragraphs, claims, figures, images, inline
markup). Text goes over with all its inline markup; markup without an ST.96 counterpart keeps
its text and is reported.

Office variants, recognised by their root element:

- EPO ``ep-patent-document``: the bibliographic data is SDOBI, coded by INID (``B110`` is the
  publication number, ``B541``/``B542`` the title language and text ...); each SDOBI row names
  the ST.36 element it stands for;
- USPTO ``us-patent-application`` (v4.4): ``us-bibliographic-data-application``, ``us-parties``
  and the USPTO's description wrappers; CPC classifications go to the V6_0 CPC bag;
- JPO ``jp-official-gazette``: ``jp:`` wrappers around parties, ``main-clsf`` for
  ``main-classification``, the ST.16 kind code on the root element.
"""

from __future__ import annotations

from st96kit.convert.legacy.mapping import Inline, InlineElement, Row, Table, ValueMap
from st96kit.convert.legacy.pipeline import Plan
from st96kit.convert.legacy.reader import LegacyInput
from st96kit.errors import InputError

BIB = "ST36-BIB"
BODY = "ST36-BODY"
JPO = "http://www.jpo.go.jp"

# --- value maps -------------------------------------------------------------------------------

APPL_TYPE = ValueMap(BIB, "xx-patent-document-v2-3.appl-type", {"utility": "Utility"},
                     usage={"design": ("Design",), "plant": ("Plant",),
                            "reissue": ("Reissue",)})
PRIORITY_KIND = ValueMap(BIB, "xx-patent-document-v2-3.kind", {
    "national": "National", "regional": "Regional", "international": "PCT"})
REP_TYPE = ValueMap(BIB, "xx-patent-document-v2-3.rep-type", {
    "agent": "Agent", "attorney": "Attorney", "common-representative": "Common representative"})
DESIGNATION = ValueMap(BIB, "xx-patent-document-v2-3.designation", {
    "all": "All", "all-except-us": "All except US", "us-only": "US only",
    "as-indicated": "As indicated"})
APP_TYPE = ValueMap(BIB, "xx-patent-document-v2-3.app-type", {
    "applicant-inventor": "Applicant_Inventor"}, otherwise="Applicant")
IMAGE_FORMAT = ValueMap(BODY, "application-body-v1-6.img-format", {"jpg": "JPEG", "tif": "TIFF"})
IMAGE_CONTENT = ValueMap(BODY, "application-body-v1-6.img-content", {
    "drawing": "Drawing", "photograph": "Photograph", "character": "Character", "dna": "DNA",
    "chem": "Chemistry", "math": "Math", "table": "Table", "program-listing": "Program listing",
    "flowchart": "Flowchart", "graph": "Graph"})
ORIENTATION = ValueMap(BODY, "application-body-v1-6.orientation", {
    "landscape": "Landscape", "portrait": "Portrait"})

# --- body components ----------------------------------------------------------------------------

IMAGE = Table(BODY, "WIPO.ST36imgToST96Image", (
    Row("@id", "@com:id", "WIPO.ST36imgToST96Image#2", value="id"),
    Row("@he", "com:HeightMeasure", "WIPO.ST36imgToST96Image#3", value="measure"),
    Row("@he", "com:HeightMeasure/@com:measureUnitCode", const="Mm",
        note="ST.36 image sizes are in millimetres"),
    Row("@wi", "com:WidthMeasure", "WIPO.ST36imgToST96Image#4", value="measure"),
    Row("@wi", "com:WidthMeasure/@com:measureUnitCode", const="Mm",
        note="ST.36 image sizes are in millimetres"),
    Row("@file", "com:FileName", "WIPO.ST36imgToST96Image#5"),
    Row("@alt", "com:Alt", "WIPO.ST36imgToST96Image#6"),
    Row("@img-content", "@com:imageContentCategory", "WIPO.ST36imgToST96Image#7",
        value=IMAGE_CONTENT),
    Row("@img-format", "com:ImageFormatCategory", "WIPO.ST36imgToST96Image#8",
        value=IMAGE_FORMAT),
    Row("@orientation", "@com:orientationCategory", "WIPO.ST36imgToST96Image#9",
        value=ORIENTATION),
))

_P = "WIPO.ST36pToSt96P"
P_ATTRIBUTES = Table(BODY, _P, (
    Row("@id", "@com:id", f"{_P}#2", value="id"),
    Row("@num", "@com:pNumber", f"{_P}#3"),
))
HEADING_ATTRIBUTES = Table(BODY, "WIPO.ST36headingToST96Heading", (
    Row("@level", "@com:headingLevelCode", "WIPO.ST36headingToST96Heading#2",
        value="heading-level"),
    Row("@id", "@com:id", "WIPO.ST36headingToST96Heading#3", value="id"),
))
FIGREF = Table(BODY, "WIPO.ST36figrefToST96FigureReference", (
    Row("@idref", "@com:idrefs", "WIPO.ST36figrefToST96FigureReference#2"),
    Row("@num", "@com:referencedFigureNumber", "WIPO.ST36figrefToST96FigureReference#3"),
))
CLAIM_REF = Table(BODY, "WIPO.ST36claim-textToST96ClaimText", (
    Row("@idref", "@com:idrefs", "WIPO.ST36claim-textToST96ClaimText#5"),
))
LIST = Table(BODY, "WIPO.ST36ulToST96UL", (
    Row("@id", "@com:id", "WIPO.ST36ulToST96UL#2", value="id"),
))
LIST_ITEM = Table(BODY, "WIPO.ST36liToST96LI", (
    Row("@id", "@com:id", "WIPO.ST36liToST96LI#2", value="id"),
    Row("@num", "@com:liNumber", "WIPO.ST36liToST96LI#3"),
))

INLINE = Inline(BODY, {
    "b": InlineElement("com:B", "WIPO.ST36bToST96B#1"),
    "i": InlineElement("com:I", "WIPO.ST36iToST96I#1"),
    "u": InlineElement("com:U", "WIPO.ST36uToST96U#1"),
    "o": InlineElement("com:O", "WIPO.ST36oToST96O#1"),
    "sup": InlineElement("com:Sup", "WIPO.ST36supToST96Sup#1"),
    "sub": InlineElement("com:Sub", "WIPO.ST36subToST96Sub#1"),
    "smallcaps": InlineElement("com:SmallCapital", "WIPO.ST36smallcapsToST96SmallCapitals#1"),
    "br": InlineElement("com:Br", "WIPO.ST36claim-textToST96ClaimText#14"),
    "pre": InlineElement("com:Pre", "WIPO.ST36preToST96Pre#1"),
    "figref": InlineElement("com:FigureReference", "WIPO.ST36figrefToST96FigureReference#1",
                            FIGREF),
    "claim-ref": InlineElement("pat:ClaimReference", "WIPO.ST36claim-textToST96ClaimText#4",
                               CLAIM_REF),
    "claim-text": InlineElement("pat:ClaimText", "WIPO.ST36claim-textToST96ClaimText#3"),
    "ul": InlineElement("com:UL", "WIPO.ST36ulToST96UL#1", LIST),
    "ol": InlineElement("com:OL", "WIPO.ST36olToST96OL#1", LIST),
    "li": InlineElement("com:LI", "WIPO.ST36liToST96LI#1", LIST_ITEM),
    "img": InlineElement("com:Image", "WIPO.ST36imgToST96Image#1", IMAGE),
})

#: Description sections: ST.36 path below ``description``, ST.96 path below ``pat:Description``,
#: and the Annex VI rows (main table) of the section, its headings and its paragraphs.
_SECTIONS = (
    ("technical-field", "pat:TechnicalField", 15, 17, 18),
    ("background-art", "pat:BackgroundArt", 19, 21, 22),
    ("disclosure", "pat:Disclosure", 23, 37, 38),
    ("disclosure/tech-problem", "pat:Disclosure/pat:TechnicalProblem", 25, 27, 28),
    ("disclosure/tech-solution", "pat:Disclosure/pat:TechnicalSolution", 29, 31, 32),
    ("disclosure/advantageous-effects", "pat:Disclosure/pat:AdvantageousEffects", 33, 35, 36),
    ("summary-of-invention", "pat:InventionSummary", 39, 53, 54),
    ("summary-of-invention/tech-problem", "pat:InventionSummary/pat:TechnicalProblem",
     41, 43, 44),
    ("summary-of-invention/tech-solution", "pat:InventionSummary/pat:TechnicalSolution",
     45, 47, 48),
    ("summary-of-invention/advantageous-effects",
     "pat:InventionSummary/pat:AdvantageousEffects", 49, 51, 52),
    ("description-of-drawings", "pat:DrawingDescription", 55, 57, 58),
    ("description-of-embodiments", "pat:EmbodimentDescription", 59, 66, 67),
    ("description-of-embodiments/embodiments-example",
     "pat:EmbodimentDescription/pat:EmbodimentExample", 61, 64, 65),
    ("best-mode", "pat:BestMode", 68, 70, 71),
    ("mode-for-invention", "pat:InventionMode", 72, 74, 75),
    ("industrial-applicability", "pat:IndustrialApplicability", 76, 78, 79),
    ("reference-signs-list", "pat:ReferenceSignBag", 80, 82, 83),
    ("citation-list", "com:CitationBag", 92, 100, 101),
    ("citation-list/patent-literature", "com:CitationBag/com:PatentCitationBag", 94, 95, 96),
    ("citation-list/non-patent-literature", "com:CitationBag/com:NPLCitationBag", 97, 98, 99),
)

#: USPTO v4.4 description wrappers, with the ST.36 section each stands for.
_US_SECTIONS = (
    ("description-of-drawing/description-of-drawings", "pat:DrawingDescription",
     "description-of-drawings"),
    ("detailed-description", "pat:EmbodimentDescription", "description-of-embodiments"),
)


def _section(path: str, target: str, refs: tuple[int, int, int] | None,
             note: str = "") -> tuple[Row, ...]:
    section, heading, paragraph = (f"main#{n}" for n in refs) if refs else ("", "", "")
    return (
        Row(path, target, section, note=note),
        Row(f"{path}/heading", f"{target}/com:Heading", heading, text=INLINE,
            table=HEADING_ATTRIBUTES, note=note),
        Row(f"{path}/p", f"{target}/com:P", paragraph, text=INLINE, table=P_ATTRIBUTES,
            note=note),
    )


DESCRIPTION = Table(BODY, "main", (
    Row("@id", "@com:id", "main#10", value="id"),
    Row("@lang", "@com:languageCode", "main#11", value="language"),
    Row("heading", "com:Heading", "main#102", text=INLINE, table=HEADING_ATTRIBUTES),
    Row("p", "com:P", "main#534", text=INLINE, table=P_ATTRIBUTES),
    *(row for path, target, *refs in _SECTIONS
      for row in _section(path, target, (refs[0], refs[1], refs[2]))),
    *(row for path, target, like in _US_SECTIONS
      for row in _section(path, target, None, f"USPTO {path}, as ST.36 {like}")),
))

CLAIMS = Table(BODY, "WIPO.ST36claimsToST96Claims", (
    Row("@id", "@com:id", "WIPO.ST36claimsToST96Claims#2", value="id"),
    Row("@lang", "@com:languageCode", "WIPO.ST36claimsToST96Claims#3", value="language"),
    Row("claim", "pat:Claim", "WIPO.ST36claimsToST96Claims#6"),
    Row("claim/@id", "pat:Claim/@com:id", "WIPO.ST36claimsToST96Claims#7", value="id"),
    Row("claim/@num", "pat:Claim/pat:ClaimNumber", "WIPO.ST36claimsToST96Claims#8"),
    Row("claim/claim-text", "pat:Claim/pat:ClaimText", "WIPO.ST36claimsToST96Claims#9",
        text=INLINE),
))

ABSTRACT = Table(BODY, "main", (
    Row("@id", "@com:id", "main#542", value="id"),
    Row("@lang", "@com:languageCode", "main#543", value="language"),
    Row("p", "com:P", "main#546", text=INLINE, table=P_ATTRIBUTES),
))

FIGURE = Table(BODY, "WIPO.ST36figureToST96Figure", (
    Row("@id", "@com:id", "WIPO.ST36figureToST96Figure#2", value="id"),
    Row("@num", "pat:FigureNumber", "WIPO.ST36figureToST96Figure#3"),
    Row("img", "com:Image", "WIPO.ST36figureToST96Figure#4", table=IMAGE),
))

DRAWINGS = Table(BODY, "main", (
    Row("@id", "@com:id", "main#548", value="id"),
    Row("figure", "pat:Figure", "main#551", table=FIGURE),
))


#: A publication's abstract, description, claims and drawings, below its root element.
BODY_ROWS = (
    Row("abstract", "pat:Abstract", "main#541", table=ABSTRACT),
    Row("description", "pat:Description", "main#9", table=DESCRIPTION),
    Row("claims", "pat:Claims", "WIPO.ST36claimsToST96Claims#1", table=CLAIMS),
    Row("drawings", "pat:Drawings", "main#547", table=DRAWINGS),
)


def _publication(root: str, rows: tuple[Row, ...]) -> Table:
    """The table of a whole document: its root element is the publication."""
    return Table(BODY, "main", (
        Row(root, "", note=f"{root}, as ST.36 application-body", table=Table(BODY, "main", rows)),
    ))


# --- bibliographic components -----------------------------------------------------------------

_PUB = "WIPO.ST36publication-referenceToST96PatentPublicationIdentification"
PUBLICATION_REFERENCE = Table(BIB, _PUB, (
    Row("document-id/country", "com:IPOfficeCode", f"{_PUB}#3"),
    Row("document-id/doc-number", "pat:PublicationNumber", f"{_PUB}#4"),
    Row("document-id/kind", "com:PatentDocumentKindCode", f"{_PUB}#5"),
    Row("document-id/date", "com:PublicationDate", f"{_PUB}#6", value="date"),
))

_APP = "WIPO.ST36application-referenceToST96ApplicationIdentification"
APPLICATION_REFERENCE = Table(BIB, _APP, (
    Row("@appl-type", "pat:InventionSubjectMatterCategory", f"{_APP}#3", value=APPL_TYPE),
    Row("document-id/country", "com:IPOfficeCode", f"{_APP}#4"),
    Row("document-id/country", "com:ApplicationNumber/com:IPOfficeCode", f"{_APP}#5"),
    Row("document-id/doc-number", "com:ApplicationNumber/com:ApplicationNumberText",
        f"{_APP}#6"),
    Row("document-id/date", "pat:FilingDate", f"{_APP}#7", value="date"),
))

_IPCR = "WIPO.ST36classification-ipcrToST96IPCRClassification"
IPCR = Table(BIB, _IPCR, (
    Row("@sequence", "@com:sequenceNumber", f"{_IPCR}#3"),
    *(Row(source, target, f"{_IPCR}#{number}", value=value)
      for source, target, number, value in (
          ("ipc-version-indicator/date", "pat:ClassificationVersionDate", 4, "date"),
          ("classification-level", "pat:PatentClassificationLevelCode", 5, None),
          ("section", "pat:Section", 6, None),
          ("class", "pat:Class", 7, None),
          ("subclass", "pat:Subclass", 8, None),
          ("main-group", "pat:MainGroup", 9, None),
          ("subgroup", "pat:Subgroup", 10, None),
          ("symbol-position", "com:SymbolPositionCode", 11, None),
          ("classification-value", "pat:IPCClassificationValueCode", 12, None),
          ("action-date/date", "pat:ActionDate", 13, "date"),
          ("generating-office/country", "pat:GeneratingOfficeCode", 14, None),
          ("classification-status", "pat:IPCClassificationStatusCode", 15, None),
          ("classification-data-source", "pat:PatentClassificationDataSourceCode", 16, None),
          ("text", "pat:PatentClassificationText", 17, None))),
))

#: USPTO v4.4 CPC symbols: Annex VI (ST.36 v2.3) has no CPC, V6_0 has a CPC bag with the
#: fields of the IPCR symbol.
CPC = Table(BIB, "USPTO classification-cpc", tuple(
    Row(source, target, value=value, note="USPTO CPC symbol, fields as in IPCR")
    for source, target, value in (
        ("cpc-version-indicator/date", "pat:ClassificationVersionDate", "date"),
        ("section", "pat:CPCSection", None), ("class", "pat:Class", None),
        ("subclass", "pat:Subclass", None), ("main-group", "pat:MainGroup", None),
        ("subgroup", "pat:Subgroup", None), ("symbol-position", "com:SymbolPositionCode", None),
        ("classification-value", "pat:CPCClassificationValueCode", None),
        ("action-date/date", "pat:ActionDate", "date"),
        ("generating-office/country", "pat:GeneratingOfficeCode", None),
        ("classification-status", "pat:CPCClassificationStatusCode", None),
        ("classification-data-source", "pat:PatentClassificationDataSourceCode", None))
))

_BOOK = "WIPO.ST36address-bookToST96PublicationContact"
_PERSON = "com:Name/com:PersonName/com:PersonStructuredName"
ADDRESS_BOOK = Table(BIB, _BOOK, (
    Row("name", "com:Name/com:EntityName", f"{_BOOK}#2"),
    Row("prefix", f"{_PERSON}/com:NamePrefix", f"{_BOOK}#3"),
    Row("last-name", f"{_PERSON}/com:LastName", f"{_BOOK}#6"),
    Row("orgname", "com:Name/com:OrganizationName/com:OrganizationStandardName", f"{_BOOK}#8"),
    Row("first-name", f"{_PERSON}/com:FirstName", f"{_BOOK}#10"),
    Row("middle-name", f"{_PERSON}/com:MiddleName", f"{_BOOK}#11"),
    Row("suffix", f"{_PERSON}/com:NameSuffix", f"{_BOOK}#14"),
    Row("address/city", "com:CityName", f"{_BOOK}#15"),
    Row("address/state", "com:GeographicRegionName", f"{_BOOK}#16"),
    Row("address/postcode", "com:PostalCode", f"{_BOOK}#17"),
    Row("address/country", "com:CountryCode", f"{_BOOK}#18"),
))

_PARTY = "WIPO.ST36partiesToST96PartyBag"
_APPLICANT = "pat:ApplicantBag/pat:Applicant"
_INVENTOR = "pat:InventorBag/pat:Inventor"
_AGENT = "pat:RegisteredPractitionerBag/pat:RegisteredPractitioner"


def _party_rows(applicant: str, inventors: str = "inventors",
                agents: str = "agents") -> tuple[Row, ...]:
    """Parties rows for the ST.36 element names an office uses for applicants."""
    note = "" if applicant == "applicants/applicant" else f"{applicant}, as ST.36 applicant"

    def ref(number: int) -> str:
        return "" if note else f"{_PARTY}#{number}"

    return (
        Row(applicant, _APPLICANT, ref(3), note=note),
        Row(f"{applicant}/@sequence", f"{_APPLICANT}/@com:sequenceNumber", ref(4), note=note),
        Row(f"{applicant}/@app-type", f"{_APPLICANT}/pat:ApplicantCategory", ref(6),
            value=APP_TYPE, note=note),
        Row(f"{applicant}/@designation", f"{_APPLICANT}/pat:DesignationCategory", ref(7),
            value=DESIGNATION, note=note),
        Row(f"{applicant}/addressbook", f"{_APPLICANT}/com:PublicationContact", ref(8),
            table=ADDRESS_BOOK, note=note),
        Row(f"{applicant}/nationality/country", f"{_APPLICANT}/com:NationalityCode", ref(9),
            note=note),
        Row(f"{applicant}/residence/country", f"{_APPLICANT}/com:ResidenceCountryCode",
            ref(10), note=note),
        Row(f"{inventors}/inventor", _INVENTOR, f"{_PARTY}#15"),
        Row(f"{inventors}/inventor/@sequence", f"{_INVENTOR}/@com:sequenceNumber",
            f"{_PARTY}#16"),
        Row(f"{inventors}/inventor/addressbook", f"{_INVENTOR}/com:PublicationContact",
            f"{_PARTY}#18", table=ADDRESS_BOOK),
        Row(f"{agents}/agent", _AGENT, "" if agents != "agents" else f"{_PARTY}#29",
            note="" if agents == "agents" else f"{agents}/agent, as ST.36 agents/agent"),
        Row(f"{agents}/agent/@sequence", f"{_AGENT}/@com:sequenceNumber",
            "" if agents != "agents" else f"{_PARTY}#30",
            note="" if agents == "agents" else "JPO agent sequence"),
        Row(f"{agents}/agent/@rep-type", f"{_AGENT}/pat:RegisteredPractitionerCategory",
            "" if agents != "agents" else f"{_PARTY}#31", value=REP_TYPE,
            note="" if agents == "agents" else "JPO agent kind"),
        Row(f"{agents}/agent/addressbook", f"{_AGENT}/com:PublicationContact",
            "" if agents != "agents" else f"{_PARTY}#32", table=ADDRESS_BOOK,
            note="" if agents == "agents" else "JPO agent address book"),
    )


PARTIES = Table(BIB, _PARTY, _party_rows("applicants/applicant"))
ASSIGNEES = Table(BIB, _PARTY, (
    Row("assignee", "pat:AssigneeBag/pat:Assignee", f"{_PARTY}#34"),
    Row("assignee/addressbook", "pat:AssigneeBag/pat:Assignee/com:PublicationContact",
        f"{_PARTY}#35", table=ADDRESS_BOOK),
))

_IPC = "WIPO.ST36classification-ipcToST96IPCClassification"
_NATIONAL = "WIPO.ST36classification-nationalToST96NationalClassification"
_CLASSES = "pat:PatentClassificationBag"


def _bibliographic_rows(*, publication: Table = PUBLICATION_REFERENCE) -> tuple[Row, ...]:
    """Rows common to ST.36-named bibliographic data (below ``bibliographic-data``)."""
    return (
        Row("@country", "@com:officeCode", "main#3"),
        Row("publication-reference", "pat:PatentPublicationIdentification", "main#6",
            table=publication),
        Row("application-reference", "pat:ApplicationIdentification", "main#15",
            table=APPLICATION_REFERENCE),
        Row("classifications-ipcr", f"{_CLASSES}/pat:IPCRClassificationBag", "main#10"),
        Row("classifications-ipcr/classification-ipcr",
            f"{_CLASSES}/pat:IPCRClassificationBag/pat:IPCRClassification", "main#11",
            table=IPCR),
        Row("classifications-cpc/main-cpc/classification-cpc",
            f"{_CLASSES}/pat:CPCClassificationBag/pat:MainCPC/pat:CPCClassification",
            table=CPC, note="USPTO main CPC symbol"),
        Row("classifications-cpc/further-cpc/classification-cpc",
            f"{_CLASSES}/pat:CPCClassificationBag/pat:FurtherCPC/pat:CPCClassification",
            table=CPC, note="USPTO further CPC symbols"),
        Row("classification-ipc", f"{_CLASSES}/pat:IPCClassification", f"{_IPC}#1"),
        Row("classification-ipc/edition", f"{_CLASSES}/pat:IPCClassification/com:Edition",
            f"{_IPC}#3"),
        Row("classification-ipc/main-classification",
            f"{_CLASSES}/pat:IPCClassification/pat:MainClassification", f"{_IPC}#4"),
        Row("classification-ipc/further-classification",
            f"{_CLASSES}/pat:IPCClassification/pat:FurtherClassification", f"{_IPC}#5"),
        Row("classification-national", f"{_CLASSES}/pat:NationalClassification",
            f"{_NATIONAL}#1"),
        Row("classification-national/country",
            f"{_CLASSES}/pat:NationalClassification/com:IPOfficeCode", f"{_NATIONAL}#3"),
        Row("classification-national/main-classification",
            f"{_CLASSES}/pat:NationalClassification/pat:MainNationalClassification"
            "/pat:PatentClassificationText", f"{_NATIONAL}#6"),
        Row("classification-national/further-classification",
            f"{_CLASSES}/pat:NationalClassification/pat:FurtherNationalClassification"
            "/pat:PatentClassificationText", f"{_NATIONAL}#9", opens=True),
        Row("invention-title", "pat:InventionTitleBag/pat:InventionTitle", "main#21",
            text=INLINE),
        Row("invention-title/@lang",
            "pat:InventionTitleBag/pat:InventionTitle/@com:languageCode", value="language",
            note="the title's language (Annex VI main#23 maps it, naming the element)"),
        Row("number-of-claims", "pat:ClaimTotalQuantity", "main#59"),
        Row("parties", "pat:PartyBag", "main#19", table=PARTIES),
        Row("assignees", "pat:PartyBag", "main#46", table=ASSIGNEES),
        Row("pct-or-regional-filing-data/document-id/country",
            "pat:InternationalFilingData/pat:ApplicationIdentification/com:IPOfficeCode",
            "WIPO.ST36pct-or-reginal-filing-dataToST96InternationalFilingData#3"),
        Row("pct-or-regional-filing-data/document-id/doc-number",
            "pat:InternationalFilingData/pat:ApplicationIdentification/com:ApplicationNumber"
            "/com:ApplicationNumberText",
            "WIPO.ST36pct-or-reginal-filing-dataToST96InternationalFilingData#5"),
        Row("pct-or-regional-filing-data/document-id/date",
            "pat:InternationalFilingData/pat:ApplicationIdentification/pat:FilingDate",
            "WIPO.ST36pct-or-reginal-filing-dataToST96InternationalFilingData#6",
            value="date"),
    )


# --- USPTO --------------------------------------------------------------------------------------

US_BIBLIOGRAPHIC = Table(BIB, "main", (
    *_bibliographic_rows(),
    Row("us-parties", "pat:PartyBag", table=Table(BIB, _PARTY, _party_rows(
        "us-applicants/us-applicant")),
        note="USPTO us-parties, as ST.36 parties"),
))

US = _publication("us-patent-application", (
    Row("@lang", "@com:languageCode", "main#2", value="language"),
    Row("@id", "@com:id", "main#1", value="id"),
    Row("@file", "@com:documentFileName", "main#3"),
    Row("@country", "com:IPOfficeCode", note="the publishing office, as ST.36 @country"),
    Row("@status", "@com:documentStatusText",
        note="the document's status, as ST.36 application-body/@status"),
    Row("@date-produced", "@com:creationDate", value="date",
        note="the date the document was produced"),
    Row("@date-publ", "@com:documentPublicationDate", value="date",
        note="the publication date of the document"),
    Row("us-bibliographic-data-application", "pat:BibliographicData", table=US_BIBLIOGRAPHIC,
        note="USPTO us-bibliographic-data-application, as ST.36 bibliographic-data"),
    Row("us-claim-statement", "pat:ClaimStatement", text=INLINE, note="USPTO claim statement"),
    *BODY_ROWS,
))

# --- JPO ----------------------------------------------------------------------------------------

JP_PUBLICATION_REFERENCE = Table(BIB, _PUB, tuple(
    row for row in PUBLICATION_REFERENCE.rows if row.source != "document-id/kind"))

_JP_PARTIES = Table(BIB, _PARTY, _party_rows(
    "jp:applicants-agents-article/jp:applicants-agents/applicant",
    agents="jp:applicants-agents-article/jp:applicants-agents"))

JP_BIBLIOGRAPHIC = Table(BIB, "main", (
    *_bibliographic_rows(publication=JP_PUBLICATION_REFERENCE),
    Row("@country", "pat:ApplicationIdentification/com:IPOfficeCode",
        note="a JPO gazette publishes JPO applications"),
    Row("classification-ipc/main-clsf",
        f"{_CLASSES}/pat:IPCRClassificationBag/pat:IPCRClassification"
        "/pat:PatentClassificationText", opens=True,
        note="JPO classification-ipc holds IPC symbols in the IPCR text form (with version "
        "date), as ST.36 classification-ipcr/text"),
    Row("classification-ipc/further-clsf",
        f"{_CLASSES}/pat:IPCRClassificationBag/pat:IPCRClassification"
        "/pat:PatentClassificationText", opens=True,
        note="JPO classification-ipc holds IPC symbols in the IPCR text form (with version "
        "date), as ST.36 classification-ipcr/text"),
    Row("classification-national/main-clsf",
        f"{_CLASSES}/pat:NationalClassification/pat:MainNationalClassification"
        "/pat:PatentClassificationText", note="JPO main-clsf, as ST.36 main-classification"),
    Row("classification-national/further-clsf",
        f"{_CLASSES}/pat:NationalClassification/pat:FurtherNationalClassification"
        "/pat:PatentClassificationText", opens=True,
        note="JPO further-clsf, as ST.36 further-classification"),
    Row("parties", "pat:PartyBag", "main#19", table=_JP_PARTIES),
    Row("parties/jp:applicants-agents-article/jp:applicants-agents/agent/jp:attorney",
        f"pat:PartyBag/{_AGENT}/pat:RegisteredPractitionerCategory", const="Attorney",
        note="JPO jp:attorney marks the agent as a patent attorney"),
))

JP = _publication("jp-official-gazette", (
    Row("@lang", "@com:languageCode", "main#2", value="language"),
    Row("@country", "com:IPOfficeCode", note="the publishing office, as ST.36 @country"),
    Row("@kind-of-st16",
        "pat:BibliographicData/pat:PatentPublicationIdentification/com:PatentDocumentKindCode",
        note="the ST.16 kind code (the gazette's document-id/kind names the gazette)"),
    Row("bibliographic-data", "pat:BibliographicData", "main#1", annex=BIB,
        table=JP_BIBLIOGRAPHIC),
    *BODY_ROWS,
))

# --- EPO ----------------------------------------------------------------------------------------


def _sdobi(source: str, target: str, like: str, value: str | None = None, *,
           opens: bool = False, joins: bool = False) -> Row:
    return Row(source, target, value=value, note=f"EPO {source.split('/')[-1]}, as ST.36 {like}",
               opens=opens, joins=joins)


_PPI = "pat:PatentPublicationIdentification"
_AI = "pat:ApplicationIdentification"
_PRIORITY = "pat:PriorityClaimBag/pat:PriorityClaim"
_TITLE = "pat:InventionTitleBag/pat:InventionTitle"

EP_PARTY = Table(BIB, "EPO SDOBI party", (
    _sdobi("snm", "com:PublicationContact/com:Name/com:EntityName", "addressbook/name"),
    _sdobi("adr/city", "com:PublicationContact/com:CityName", "address/city"),
    _sdobi("adr/ctry", "com:PublicationContact/com:CountryCode", "address/country"),
))

EP_BIBLIOGRAPHIC = Table(BIB, "EPO SDOBI", (
    _sdobi("B100/B110", f"{_PPI}/pat:PublicationNumber", "publication-reference doc-number"),
    _sdobi("B100/B130", f"{_PPI}/com:PatentDocumentKindCode", "publication-reference kind"),
    _sdobi("B100/B140/date", f"{_PPI}/com:PublicationDate", "publication-reference date",
           "date"),
    _sdobi("B100/B190", f"{_PPI}/com:IPOfficeCode", "publication-reference country"),
    _sdobi("B200/B210", f"{_AI}/com:ApplicationNumber/com:ApplicationNumberText",
           "application-reference doc-number"),
    _sdobi("B200/B220/date", f"{_AI}/pat:FilingDate", "application-reference date", "date"),
    _sdobi("B200/B250", "com:FilingLanguageCode", "language-of-filing", "language"),
    _sdobi("B200/B260", "com:PublicationLanguageCode", "language-of-publication", "language"),
    _sdobi("B300/B310", _PRIORITY, "priority-claim"),
    _sdobi("B300/B310", f"{_PRIORITY}/com:ApplicationNumber/com:ApplicationNumberText",
           "priority-claim doc-number"),
    _sdobi("B300/B320/date", f"{_PRIORITY}/pat:FilingDate", "priority-claim date", "date"),
    _sdobi("B300/B330/ctry", f"{_PRIORITY}/com:IPOfficeCode", "priority-claim country"),
    Row("B500/B510EP/classification-ipcr",
        f"{_CLASSES}/pat:IPCRClassificationBag/pat:IPCRClassification",
        note="EPO B510EP, as ST.36 classifications-ipcr", table=IPCR),
    _sdobi("B500/B540/B541", f"{_TITLE}/@com:languageCode", "invention-title/@lang",
           "language", opens=True),
    _sdobi("B500/B540/B542", _TITLE, "invention-title", joins=True),
    Row("B700", "pat:PartyBag", note="EPO B700, as ST.36 parties"),
    Row("B700/B710/B711", f"pat:PartyBag/{_APPLICANT}", table=EP_PARTY,
        note="EPO B711, as ST.36 applicant"),
    Row("B700/B720/B721", f"pat:PartyBag/{_INVENTOR}", table=EP_PARTY,
        note="EPO B721, as ST.36 inventor"),
    Row("B700/B740/B741", f"pat:PartyBag/{_AGENT}", table=EP_PARTY,
        note="EPO B741, as ST.36 agent"),
))

EP = _publication("ep-patent-document", (
    Row("@lang", "@com:languageCode", "main#2", value="language"),
    Row("@id", "@com:id", "main#1", value="id"),
    Row("@file", "@com:documentFileName", "main#3"),
    Row("@status", "@com:documentStatusText",
        note="the document's status, as ST.36 application-body/@status"),
    Row("@country", "com:IPOfficeCode", note="the publishing office, as ST.36 @country"),
    Row("@country", f"pat:BibliographicData/{_AI}/com:IPOfficeCode",
        note="an EP publication publishes an EPO application"),
    Row("@doc-number", f"pat:BibliographicData/{_PPI}/pat:PublicationNumber",
        note="the publication number, as SDOBI B110"),
    Row("@kind", f"pat:BibliographicData/{_PPI}/com:PatentDocumentKindCode",
        note="the kind code, as SDOBI B130"),
    Row("@date-publ", "@com:documentPublicationDate", value="date",
        note="the publication date of the document"),
    Row("SDOBI", "pat:BibliographicData", table=EP_BIBLIOGRAPHIC,
        note="EPO SDOBI, as ST.36 bibliographic-data"),
    *BODY_ROWS,
))

VARIANTS: dict[str, tuple[str, Table, dict[str, str]]] = {
    "ep-patent-document": ("EPO ep-patent-document", EP, {}),
    "us-patent-application": ("USPTO us-patent-application", US, {}),
    "jp-official-gazette": ("JPO jp-official-gazette", JP, {"jp": JPO}),
}

DROPPABLE = {
    "com:Image": ("com:FileName",),
}

#: Numbers V6_0 requires that ST.36 may leave empty (EPO writes ``num=""``): the element's
#: position among its siblings.
POSITIONAL = frozenset({"pat:FigureNumber"})


def plan(legacy: LegacyInput) -> Plan:
    """Recognise an ST.36-family patent document; :class:`InputError` for anything else."""
    root, namespace = legacy.root_name, legacy.root_namespace
    legacy.refuse_st96("ST.36")
    known = VARIANTS.get(root) if namespace is None else None
    if known is None:
        raise InputError(
            f"not an ST.36 patent document st96kit knows: the root is {root!r}",
            file=legacy.name, line=legacy.root.sourceline,
            hint="st96kit reads " + ", ".join(VARIANTS))
    variant, table, prefixes = known
    version = legacy.root.get("dtd-version")
    return Plan(
        standard="ST.36", variant=variant + (f" ({version})" if version else ""),
        document_type="PatentPublication", root="pat:PatentPublication", table=table,
        namespaces=frozenset({None}), prefixes=prefixes,
        extension_reason="office element: Annex VI has no mapping for it",
        droppable=DROPPABLE, positional=POSITIONAL,
    )
