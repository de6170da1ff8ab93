"""ST.86 (industrial designs, V1.0) -> ST.96 V6_0 ``dgn:DesignTransaction``.

The rows follow Annex VI Appendix A "ST86Transaction-V1-0ToST96DesignTransaction_V6_0": the
main table for the transaction and its designs (``DesignDetails/Design``) and the reusable
components for parties (applicant, representative, designer, address book), priorities,
publications and events; Locarno classes go to the V6_0 Locarno classification. Applications
(``DesignApplicationDetails``), records and oppositions are not in these tables; the report
lists any such element.
"""

from __future__ import annotations

from st96kit.convert.legacy.mapping import Row, Table, ValueMap
from st96kit.convert.legacy.pipeline import Plan
from st96kit.convert.legacy.reader import LegacyInput
from st96kit.errors import InputError

NAMESPACE = "http://www.wipo.int/standards/XMLSchema/designs"
A = "ST86"
B = "st86model-V1-0."

TRANSACTION_CODE = ValueMap(A, B + "TransactionCode", {
    "Design E-Filing": "Design eFiling", "Design B2B-Filing": "Design B2B filing",
    "Design Information": "Design information", "Design Identifier List": "Design identifier list",
    "Design List": "Design list"})
TRANSACTION_SUB_CODE = ValueMap(A, B + "TransactionSubCode", {
    "Accelerated Registration": "Accelerated registration", "Normal": "Normal"})
STATUS = ValueMap(A, B + "DesignCurrentStatusCode", {s: s for s in (
    "Filed", "Withdrawn", "Rejected", "Registered", "Cancelled", "Expired", "Undefined")})
EVENT = ValueMap(A, B + "DesignEventCode", {s: s for s in (
    "Withdrawn", "Registered", "Expired", "Undefined")})
REPRESENTATIVE_KIND = ValueMap(A, B + "RepresentativeKindCode", {
    "Association": "Association", "Employee": "Employee", "Other": "Other", "Lawyer": "Lawyer",
    "Professional Representative": "Professional representative", "Undefined": "Undefined"})
PRIORITY_STATUS = ValueMap(A, B + "PriorityStatusCode", {
    "Abandoned": "Abandoned", "Accepted": "Accepted", "Claimed": "Claimed",
    "Partially Refused": "Partially refused", "Refused": "Refused"})
PUBLICATION_SECTION = ValueMap(A, B + "PublicationSection", {s: s for s in (
    "Applications", "Registrations with no amendments", "Registrations with amendments",
    "Withdrawals", "Total transfers", "Partial transfers")})

_BOOK = "WIPO.ST86AddressbookToST96Contact"
_ADDRESS = "com:PostalAddressBag/com:PostalAddress/com:PostalStructuredAddress"
ADDRESS_BOOK = Table(A, _BOOK, (
    Row("AddressLanguageCode", "@com:languageCode", f"{_BOOK}#2"),
    Row("FormattedNameAddress/Name/FreeFormatName/FreeFormatNameDetails/FreeFormatNameLine",
        "com:Name/com:EntityName", "WIPO.ST86FreeFormatNameToST96EntityName#2"),
    Row("FormattedNameAddress/Name/FormattedName/FirstName",
        "com:Name/com:PersonName/com:PersonStructuredName/com:FirstName", f"{_BOOK}#6"),
    Row("FormattedNameAddress/Name/FormattedName/OrganizationName",
        "com:Name/com:OrganizationName/com:OrganizationStandardName", f"{_BOOK}#13"),
    Row("FormattedNameAddress/Address", "com:PostalAddressBag/com:PostalAddress", f"{_BOOK}#16"),
    *(Row(f"FormattedNameAddress/Address/FormattedAddress/{name}", f"{_ADDRESS}/com:{target}",
          f"{_BOOK}#{number}")
      for name, target, number in (
          ("AddressLine", "AddressLineText", 20), ("AddressRoom", "AddressLineText", 23),
          ("AddressFloor", "AddressLineText", 24), ("AddressBuilding", "AddressLineText", 25),
          ("AddressStreet", "AddressLineText", 26), ("AddressCity", "CityName", 27),
          ("AddressCounty", "GeographicRegionName", 28),
          ("AddressState", "GeographicRegionName", 29), ("AddressPostcode", "PostalCode", 30),
          ("FormattedAddressCountryCode", "CountryCode", 31))),
    Row("ContactInformationDetails/Phone", "com:PhoneNumberBag/com:PhoneNumber", f"{_BOOK}#32"),
    Row("ContactInformationDetails/Fax", "com:FaxNumberBag/com:FaxNumber", f"{_BOOK}#34"),
    Row("ContactInformationDetails/Email", "com:EmailAddressBag/com:EmailAddressText",
        f"{_BOOK}#35"),
))

_APPLICANT = "WIPO.ST86ApplicantToST96Applicant"
APPLICANT = Table(A, _APPLICANT, (
    Row("ApplicantIdentifier", "com:PartyIdentifier", f"{_APPLICANT}#3"),
    Row("ApplicantSequenceNumber", "@com:sequenceNumber", f"{_APPLICANT}#4"),
    Row("ApplicantNationalityCode", "com:NationalityCode", f"{_APPLICANT}#5"),
    Row("ApplicantLegalEntity", "com:LegalEntityName", f"{_APPLICANT}#6"),
    Row("ApplicantIncorporationCountryCode", "com:IncorporationCountryCode", f"{_APPLICANT}#7"),
    Row("Comment", "com:CommentText", f"{_APPLICANT}#9"),
    Row("ApplicantAddressBook", "com:Contact", f"{_APPLICANT}#11", table=ADDRESS_BOOK),
    Row("ApplicantContractingParty", "dgn:ApplicantContractingParty", f"{_APPLICANT}#22"),
))

_REPRESENTATIVE = "WIPO.ST86RepresentativeToST96Representative"
REPRESENTATIVE = Table(A, _REPRESENTATIVE, (
    Row("RepresentativeIdentifier", "com:PartyIdentifier", f"{_REPRESENTATIVE}#3"),
    Row("RepresentativeSequenceNumber", "@com:sequenceNumber", f"{_REPRESENTATIVE}#4"),
    Row("RepresentativeKindCode", "com:RepresentativeCategory", f"{_REPRESENTATIVE}#5",
        value=REPRESENTATIVE_KIND),
    Row("RepresentativeLegalEntity", "com:LegalEntityName", f"{_REPRESENTATIVE}#7"),
    Row("Comment", "com:CommentText", f"{_REPRESENTATIVE}#10"),
    Row("RepresentativeAddressBook", "com:Contact", f"{_REPRESENTATIVE}#12",
        table=ADDRESS_BOOK),
))

_DESIGNER = "WIPO.ST86DesignerToST96Designer"
DESIGNER = Table(A, _DESIGNER, (
    Row("DesignerIdentifier", "com:PartyIdentifier", f"{_DESIGNER}#3"),
    Row("DesignerSequenceNumber", "@com:sequenceNumber", f"{_DESIGNER}#4"),
    Row("DesignerNationalityCode", "com:NationalityCode", f"{_DESIGNER}#5"),
    Row("Comment", "com:CommentText", f"{_DESIGNER}#6"),
    Row("DesignerAddressBook", "com:Contact", f"{_DESIGNER}#7", table=ADDRESS_BOOK),
))

_PRIORITY = "WIPO.ST86PriorityToST96Priority"
PRIORITY = Table(A, _PRIORITY, (
    Row("PriorityCountryCode", "com:PriorityCountryCode", f"{_PRIORITY}#2"),
    Row("PriorityNumber", "com:ApplicationNumber/com:ApplicationNumberText", f"{_PRIORITY}#3"),
    Row("PriorityDate", "com:PriorityApplicationFilingDate", f"{_PRIORITY}#4", value="date"),
    Row("PriorityStatusCode", "com:PriorityStatusCategory", f"{_PRIORITY}#6",
        value=PRIORITY_STATUS),
    Row("Comment", "com:CommentText", f"{_PRIORITY}#8"),
))

_PUBLICATION = "WIPO.ST86PublicationToST96Publication"
PUBLICATION = Table(A, _PUBLICATION, (
    Row("PublicationIdentifier", "com:PublicationIdentifier", f"{_PUBLICATION}#2"),
    Row("PublicationSection", "dgn:PublicationSectionCategory", f"{_PUBLICATION}#3",
        value=PUBLICATION_SECTION),
    Row("PublicationDate", "com:PublicationDate", f"{_PUBLICATION}#5", value="date"),
    Row("PublicationPage", "com:PublicationPage", f"{_PUBLICATION}#6"),
))

_EVENT = "WIPO.ST86DesignEventToST96DesignEvent"
DESIGN_EVENT = Table(A, _EVENT, (
    Row("DesignEventDate", "dgn:DesignEventDate", f"{_EVENT}#2", value="date"),
    Row("DesignEventCode", "dgn:DesignEventCategory", f"{_EVENT}#4", value=EVENT),
    Row("Comment", "com:CommentText", f"{_EVENT}#6"),
))

#: Annex VI (main#120) maps ``IndicationProduct`` to a national design classification, which
#: V6_0 cannot hold without an office code and a national class ST.86 does not have; its Locarno
#: classes (``ClassDescriptionDetails``) go to the Locarno classification bag, which a V6_0
#: design requires, the edition from ``ClassificationVersion``.
_LOCARNO = "com:DesignClassificationBag/com:LocarnoClassificationBag"
LOCARNO = Table(A, "IndicationProduct", (
    Row("ClassificationVersion", "com:LocarnoClassificationEdition",
        note="the Locarno edition of the product indication"),
    Row("ClassDescriptionDetails/ClassDescription/ClassNumber", "com:LocarnoClassificationText",
        note="a Locarno class and subclass (06-01), in the text form V6_0 has for them"),
))

DESIGN = Table(A, "main", (
    *(Row(name, target, f"main#{number}", value=value)
      for name, target, number, value in (
          ("DesignIdentifier", "dgn:DesignIdentifier", 86, None),
          ("DesignReference", "dgn:DesignReference", 87, None),
          ("RegistrationNumber", "com:RegistrationNumber", 88, None),
          ("RegistrationDate", "com:RegistrationDate", 89, "date"),
          ("DesignTitle", "dgn:DesignTitleText", 90, None),
          ("DesignTitle/@languageCode", "dgn:DesignTitleText/@com:languageCode", 91, None),
          ("DesignDescription", "dgn:DesignDescriptionText", 92, None),
          ("DesignDescription/@languageCode", "dgn:DesignDescriptionText/@com:languageCode",
           93, None),
          ("NoveltyStatement", "dgn:NoveltyStatementText", 97, None),
          ("PartialDesignIndicator", "dgn:PartialDesignIndicator", 99, "boolean"),
          ("ColourIndicator", "com:ColourIndicator", 104, "boolean"),
          ("DesignerWaiverIndicator", "dgn:DesignerWaiverIndicator", 105, "boolean"),
          ("TotalSpecimen", "dgn:SpecimenTotalQuantity", 110, None),
          ("TotalRepresentationSheet", "dgn:RepresentationSheetTotalQuantity", 111, None),
          ("ExpiryDate", "com:ExpiryDate", 114, "date"),
          ("DesignCurrentStatusCode", "dgn:DesignCurrentStatusCategory", 115, STATUS),
          ("DesignCurrentStatusDate", "dgn:DesignCurrentStatusDate", 116, "date"))),
    Row("IndicationProductDetails/IndicationProduct", _LOCARNO, table=LOCARNO,
        note="the product indication's Locarno classes; V6_0 requires a design "
        "classification"),
    Row("PriorityDetails/Priority", "dgn:PriorityBag/dgn:Priority", "main#122", table=PRIORITY),
    Row("PublicationDetails/Publication", "dgn:PublicationBag/dgn:Publication", "main#130",
        table=PUBLICATION),
    Row("ApplicantDetails", "dgn:ApplicantBag", "main#133"),
    Row("ApplicantDetails/Applicant", "dgn:ApplicantBag/dgn:Applicant", "main#137",
        table=APPLICANT),
    Row("RepresentativeDetails", "com:RepresentativeBag", "main#138"),
    Row("RepresentativeDetails/Representative", "com:RepresentativeBag/com:Representative",
        "main#140", table=REPRESENTATIVE),
    Row("DesignerDetails", "dgn:DesignerBag", "main#141"),
    Row("DesignerDetails/Designer", "dgn:DesignerBag/dgn:Designer", "main#145", table=DESIGNER),
    Row("DesignEventDetails/DesignEvent", "dgn:DesignEventBag/dgn:DesignEvent", "main#147",
        table=DESIGN_EVENT),
))

_BODY = "Transaction/DesignTransactionBody/TransactionContentDetails"
_OBODY = "dgn:DesignTransactionBody/dgn:TransactionContentBag"

TRANSACTION = Table(A, "main", (
    Row("Transaction", "", "main#1"),
    Row("Transaction/TransactionHeader/SenderDetails/RequestProducerDate",
        "com:TransactionHeader/com:SenderBag/com:RequestDate", "main#10", value="date"),
    Row("Transaction/DesignTransactionBody", "dgn:DesignTransactionBody", "main#21"),
    Row(_BODY, _OBODY, "main#27"),
    Row(f"{_BODY}/TransactionIdentifier", f"{_OBODY}/com:TransactionIdentifier", "main#28"),
    Row(f"{_BODY}/TransactionCode", f"{_OBODY}/com:TransactionCategory", "main#29",
        value=TRANSACTION_CODE),
    Row(f"{_BODY}/TransactionSubCode", f"{_OBODY}/com:TransactionSubCode", "main#30",
        value=TRANSACTION_SUB_CODE),
    Row(f"{_BODY}/TransactionData", f"{_OBODY}/dgn:TransactionData", "main#31"),
    Row(f"{_BODY}/TransactionData/DesignDetails", f"{_OBODY}/dgn:TransactionData/dgn:DesignBag",
        "main#84"),
    Row(f"{_BODY}/TransactionData/DesignDetails/Design",
        f"{_OBODY}/dgn:TransactionData/dgn:DesignBag/dgn:Design", "main#85", table=DESIGN),
))


def plan(legacy: LegacyInput) -> Plan:
    """Recognise an ST.86 ``Transaction``; :class:`InputError` for anything else."""
    root, namespace = legacy.root_name, legacy.root_namespace
    legacy.refuse_st96("ST.86")
    body = f"{{{namespace}}}DesignTransactionBody" if namespace else "DesignTransactionBody"
    if root != "Transaction" or namespace not in (NAMESPACE, None) or (
        legacy.root.find(body) is None
    ):
        raise InputError(
            f"not an ST.86 document: the root is {root!r}"
            + (f" in {namespace}" if namespace else "")
            + ", ST.86 has a Transaction with a DesignTransactionBody",
            file=legacy.name, line=legacy.root.sourceline,
            hint=f"an ST.86 document's root is Transaction in {NAMESPACE}")
    return Plan(
        standard="ST.86", variant="ST.86 V1.0", document_type="DesignTransaction",
        root="dgn:DesignTransaction", table=TRANSACTION, namespaces=frozenset({namespace}),
        droppable={"com:Representative": ("com:LegalEntityName", "com:PartyIdentifier",
                                          "com:Contact")},
    )
