"""ST.66 (trademarks, V1.1) -> ST.96 V6_0 ``tmk:TrademarkTransaction``.

The rows follow Annex VI Appendix A "ST66Transaction-V1-1ToST96TrademarkTransaction_V6_0":
the main table down to ``TradeMark`` and the reusable components (address book, applicant,
representative, publication, class description, mark image, staff, document, version). They
cover a trademark's identification, dates, status, mark representation, goods and services,
priorities, seniorities, publications, parties and events; records, oppositions and
international-registration records are not in these tables, and the report lists any such
element a document has.

Parties listed beside the trademarks (``TransactionData/ApplicantDetails``) go to the
transaction's ``tmk:ApplicantBag`` (Annex VI rows 311-312), with the applicant component for
their content; V6_0 ``TransactionData`` holds trademarks or parties, not both, so when the
transaction has a single trademark they are that trademark's, as the USPTO writes them.

Office usage: a ``MarkEventCode`` outside the ST.66 list (the USPTO writes its own
prosecution-history codes) is kept as a national event code, with the V6_0 category for
national prosecution history; the USPTO's extension elements that carry what V6_0 requires
(event descriptions, priority filing dates) are read; other ``*Ext`` elements hold office
extensions that Annex VI does not map, and the report lists them. Values outside the ST.66 code
lists that offices write (``Service Mark``) are mapped by :attr:`ValueMap.usage
<st96kit.convert.legacy.mapping.ValueMap.usage>` and reported.
"""

from __future__ import annotations

from st96kit.convert.legacy.mapping import Row, Table, ValueMap
from st96kit.convert.legacy.pipeline import Plan
from st96kit.convert.legacy.reader import LegacyInput
from st96kit.errors import InputError

NAMESPACE = "http://www.wipo.int/standards/XMLSchema/trademarks"
A = "ST66"
B = "st66model-V1-1."

# --- Appendix B value maps ------------------------------------------------------------------

TRANSACTION_CODE = ValueMap(A, B + "TransactionCode", {
    "Trade Mark E-Filing": "Undefined",
    "Trade Mark B2B-Filing": "Trademark B2B Filing",
    "Trade Mark Information": "Trademark information",
    "Trade Mark Identifier List": "Trademark identifier list",
    "Trade Mark List": "Trademark list",
    "Opposition E-Filing": "Opposition eFiling",
    "Opposition Information": "Opposition information",
    "Opposition Identifier List": "Opposition identifier list",
}, corrections={"Trade Mark Information": "Trademark Information"},
    usage={"National Trademark Information": ("Trademark Information",)})

KIND_MARK = ValueMap(A, B + "KindMark", {
    "Certificate": "Certificate", "Collective": "Collective", "Defensive": "Defensive",
    "Individual": "Individual", "Guarantee": "Guarantee", "Other": "Other",
}, corrections={"Certificate": "Certification mark", "Collective": "Collective mark",
                "Defensive": "Defensive mark", "Individual": "Individual mark"},
    usage={"Service Mark": ("Service mark",),
           "Trademark, Service Mark": ("Trademark", "Service mark"),
           "Collective Membership Mark": ("Collective membership mark",),
           "Certification Mark": ("Certification mark",)})

MARK_FEATURE = ValueMap(A, B + "MarkFeature", {
    "Word": "Word", "Stylized characters": "Stylized characters", "Figurative": "Figurative",
    "Combined": "Combined", "3-D": "Three dimensional", "Colour": "Colour", "Sound": "Sound",
    "Hologram": "Hologram", "Olfactory": "Olfactory", "Motion": "Motion", "Other": "Other",
    "Undefined": "Undefined",
})

_STATUS = {s: s for s in (
    "Appeal pending", "Application accepted", "Application deemed withdrawn", "Application filed",
    "Application opposed", "Application published", "Application refused",
    "Application withdrawn", "Classification checked", "Conversion requested", "Expired",
    "Filing date accorded", "Interruption of proceedings", "Invalidity proceeding pending",
    "Registered", "Registration cancellation pending", "Registration cancelled",
    "Registration opposed", "Registration surrendered", "Revocation proceeding pending")}
_STATUS["Action before Court of Justice pending"] = "Action before court of justice pending"

MARK_CURRENT_STATUS = ValueMap(A, B + "MarkCurrentStatusCode", dict(_STATUS))
MARK_EVENT_CODE = ValueMap(A, B + "MarkEventCode", dict(_STATUS), corrections={
    "Interruption of proceedings": "Interruption of proceeding",
})
PRIORITY_STATUS = ValueMap(A, B + "PriorityStatusCode", {
    "Abandoned": "Abandoned", "Accepted": "Accepted", "Claimed": "Claimed",
    "Partially Refused": "Partially refused", "Refused": "Refused",
})
SENIORITY_STATUS = ValueMap(A, B + "SeniorityStatusCode", dict(PRIORITY_STATUS.entries))
EXHIBITION_STATUS = ValueMap(A, B + "ExhibitionStatusCode", {
    "Claimed": "Claimed", "Accepted": "Accepted", "Refused": "Refused",
})
CLASS_NUMBER_STATUS = ValueMap(A, B + "ClassNumberStatusCode", {"Provisional": "Provisional"})
PHONE_KIND = ValueMap(A, B + "phoneKind", {"Fixed": "Business fixed",
                                           "Mobile Phone": "Business mobile"})
REPRESENTATIVE_KIND = ValueMap(A, B + "RepresentativeKindCode", {
    "Association": "Association", "Employee": "Employee", "Other": "Other", "Lawyer": "Lawyer",
    "Professional Representative": "Professional representative", "Undefined": "Undefined",
})
OPERATION = ValueMap(A, B + "operationCode", {"Insert": "Insert", "Update": "Update",
                                              "Delete": "Delete"})
DESIGNATED_UNDER = ValueMap(A, B + "DesignatedUnderCode", {"Agreement": "Agreement",
                                                          "Protocol": "Protocol"})
INTERNATIONAL_MARK = ValueMap(A, B + "InternationalTradeMarkCode", {"Madrid": "Madrid",
                                                                   "EU": "EU"})
SOUND_FORMAT = ValueMap(A, B + "MarkSoundFileFormat", {"MP3": "MP3"})
IMAGE_FORMAT = ValueMap(A, B + "MarkImageFileFormat", {"JPEG": "JPEG", "TIFF": "TIFF",
                                                       "PNG": "PNG", "GIF": "GIF"})
COLOUR_MODE = ValueMap(A, B + "MarkImageColourMode", {
    "Black and White": "Black and white", "Greyscale": "Greyscale", "Colour": "Colour",
})
DOCUMENT_FORMAT = ValueMap(A, B + "DocumentFileFormat", {"JPEG": "JPEG", "TIFF": "TIFF",
                                                         "PNG": "PNG"})
DOCUMENT_MEDIA = ValueMap(A, B + "DocumentMedia", {"Paper": "Paper", "Fax": "Fax",
                                                   "File": "File", "Other": "Other"})
PUBLICATION_SECTION = ValueMap(A, B + "PublicationSection", {s: s for s in (
    "Amendments to applications", "Applications", "Appointment of a new representative",
    "Change of name and address of proprietor",
    "Change of name and professional address of representative",
    "Deletion of the representative", "Partial refusals", "Partial transfers",
    "Registrations with amendments", "Registrations with no amendments",
    "Replacement of representative", "Restrictions", "Total refusals", "Total transfers",
    "Withdrawals")})

# --- reusable components ----------------------------------------------------------------------

ADDRESS_BOOK = Table(A, "WIPO.MappingST66AddressBookToST96Contact", (
    Row("AddressLanguageCode", "@com:languageCode", "WIPO.MappingST66AddressBookToST96Contact#1"),
    Row("FormattedNameAddress/Name/FreeFormatName/FreeFormatNameDetails/FreeFormatNameLine",
        "com:Name/com:EntityName", "WIPO.MappingST66FreeFormatNameToST96EntityName#1"),
    Row("FormattedNameAddress/Name/FreeFormatName/FreeFormatNameDetails/FreeFormatNameLine"
        "/@languageCode", "com:Name/com:EntityName/@com:languageCode",
        "WIPO.MappingST66FreeFormatNameToST96EntityName#2"),
    Row("FormattedNameAddress/Name/FormattedName", "com:Name/com:PersonName",
        "WIPO.MappingST66AddressBookToST96Contact#3"),
    *(Row(f"FormattedNameAddress/Name/FormattedName/{name}",
          f"com:Name/com:PersonName/com:PersonStructuredName/com:{target}",
          f"WIPO.MappingST66AddressBookToST96Contact#{number}")
      for name, target, number in (("NamePrefix", "NamePrefix", 4),
                                   ("FirstName", "FirstName", 5),
                                   ("MiddleName", "MiddleName", 6),
                                   ("LastName", "LastName", 8),
                                   ("SecondLastName", "SecondLastName", 9),
                                   ("NameSuffix", "NameSuffix", 10))),
    Row("FormattedNameAddress/Name/FormattedName/OrganizationName",
        "com:Name/com:OrganizationName/com:OrganizationStandardName",
        "WIPO.MappingST66AddressBookToST96Contact#12"),
    Row("FormattedNameAddress/Address", "com:PostalAddressBag",
        "WIPO.MappingST66AddressBookToST96Contact#15"),
    Row("FormattedNameAddress/Address/AddressCountryCode",
        "com:PostalAddressBag/com:PostalAddress/com:PostalStructuredAddress/com:CountryCode",
        "WIPO.MappingST66AddressBookToST96Contact#16"),
    Row("FormattedNameAddress/Address/FreeFormatAddress/FreeFormatAddressLine",
        "com:PostalAddressBag/com:PostalAddress/com:PostalAddressText",
        "WIPO.MappingST66AddressBookToST96Contact#17"),
    Row("FormattedNameAddress/Address/FormattedAddress",
        "com:PostalAddressBag/com:PostalAddress/com:PostalStructuredAddress",
        "WIPO.MappingST66AddressBookToST96Contact#21"),
    *(Row(f"FormattedNameAddress/Address/FormattedAddress/{name}",
          f"com:PostalAddressBag/com:PostalAddress/com:PostalStructuredAddress/com:{target}",
          f"WIPO.MappingST66AddressBookToST96Contact#{number}")
      for name, target, number in (("AddressLine", "AddressLineText", 22),
                                   ("AddressPostOfficeBox", "AddressLineText", 24),
                                   ("AddressRoom", "AddressLineText", 25),
                                   ("AddressFloor", "AddressLineText", 26),
                                   ("AddressBuilding", "AddressLineText", 27),
                                   ("AddressStreet", "AddressLineText", 28),
                                   ("AddressCity", "CityName", 29),
                                   ("AddressCounty", "GeographicRegionName", 30),
                                   ("AddressState", "GeographicRegionName", 31),
                                   ("AddressPostcode", "PostalCode", 32),
                                   ("FormattedAddressCountryCode", "CountryCode", 33))),
    Row("ContactInformationDetails/Phone", "com:PhoneNumberBag/com:PhoneNumber",
        "WIPO.MappingST66AddressBookToST96Contact#35"),
    Row("ContactInformationDetails/Phone/@phoneKind",
        "com:PhoneNumberBag/com:PhoneNumber/@com:phoneNumberCategory",
        "WIPO.MappingST66AddressBookToST96Contact#36", value=PHONE_KIND),
    Row("ContactInformationDetails/Fax", "com:FaxNumberBag/com:FaxNumber",
        "WIPO.MappingST66AddressBookToST96Contact#38"),
    Row("ContactInformationDetails/Email", "com:EmailAddressBag/com:EmailAddressText",
        "WIPO.MappingST66AddressBookToST96Contact#40"),
    Row("ContactInformationDetails/URL", "com:WebAddressBag/com:WebAddressURI",
        "WIPO.MappingST66AddressBookToST96Contact#42"),
    Row("ContactInformationDetails/OtherElectronicAddress",
        "com:OtherElectronicAddressBag/com:OtherElectronicAddressText",
        "WIPO.MappingST66AddressBookToST96Contact#44"),
    Row("PostalAddress", "com:PostalAddressBag/com:PostalAddress/com:PostalAddressText",
        "WIPO.MappingST66AddressBookToST96Contact#45"),
))

VERSION = Table(A, "WIPO.MappingST66VersionToST96Version", (
    Row("VersionNumber", "com:VersionNumber", "WIPO.MappingST66VersionToST96Version#2"),
    Row("VersionDate", "com:VersionDate", "WIPO.MappingST66VersionToST96Version#3",
        value="date"),
    Row("VersionDateTime", "com:VersionDateTime", "WIPO.MappingST66VersionToST96Version#4"),
    Row("Comment", "com:CommentText", "WIPO.MappingST66VersionToST96Version#5"),
    Row("Comment/@languageCode", "com:CommentText/@com:languageCode",
        "WIPO.MappingST66VersionToST96Version#6"),
))

APPLICANT = Table(A, "WIPO.MappingST66ApplicantToST96Applicant", (
    Row("@operationCode", "@com:operationCategory", "WIPO.MappingST66ApplicantToST96Applicant#2",
        value=OPERATION),
    Row("ApplicantIdentifier", "com:PartyIdentifier", "WIPO.MappingST66ApplicantToST96Applicant#3"),
    Row("ApplicantIdentifier/@identifierKindCode", "com:PartyIdentifier/@com:officeCode",
        "WIPO.MappingST66ApplicantToST96Applicant#4"),
    Row("ApplicantSequenceNumber", "@com:sequenceNumber",
        "WIPO.MappingST66ApplicantToST96Applicant#5"),
    Row("ApplicantNationalityCode", "com:NationalityCode",
        "WIPO.MappingST66ApplicantToST96Applicant#6"),
    Row("ApplicantLegalEntity", "com:LegalEntityName",
        "WIPO.MappingST66ApplicantToST96Applicant#7"),
    Row("ApplicantIncorporationCountryCode", "com:IncorporationCountryCode",
        "WIPO.MappingST66ApplicantToST96Applicant#8"),
    Row("ApplicantIncorporationState", "com:IncorporationState",
        "WIPO.MappingST66ApplicantToST96Applicant#9"),
    Row("Comment", "com:CommentText", "WIPO.MappingST66ApplicantToST96Applicant#10"),
    Row("Comment/@languageCode", "com:CommentText/@com:languageCode",
        "WIPO.MappingST66ApplicantToST96Applicant#11"),
    Row("ApplicantAddressBook", "com:Contact", "WIPO.MappingST66ApplicantToST96Applicant#12",
        table=ADDRESS_BOOK),
    Row("ApplicantEntitlement/EntitlementNationalityCode",
        "tmk:Entitlement/com:EntitlementNationalityCode",
        "WIPO.MappingST66ApplicantToST96Applicant#14"),
    Row("ApplicantEntitlement/EntitlementEstablishment/EntitlementEstablishmentCode",
        "tmk:Entitlement/com:EntitlementEstablishment/com:EntitlementEstablishmentCode",
        "WIPO.MappingST66ApplicantToST96Applicant#16"),
    Row("ApplicantEntitlement/EntitlementDomiciled/EntitlementDomiciledCode",
        "tmk:Entitlement/com:EntitlementDomiciled/com:EntitlementDomiciledCode",
        "WIPO.MappingST66ApplicantToST96Applicant#19"),
    Row("ApplicantVersion", "com:Version", "WIPO.MappingST66ApplicantToST96Applicant#21",
        table=VERSION),
))

REPRESENTATIVE = Table(A, "WIPO.MappingST66RepresentativeToST96Representative", (
    Row("@operationCode", "@com:operationCategory",
        "WIPO.MappingST66RepresentativeToST96Representative#2", value=OPERATION),
    Row("RepresentativeIdentifier", "com:PartyIdentifier",
        "WIPO.MappingST66RepresentativeToST96Representative#3"),
    Row("RepresentativeIdentifier/@identifierKindCode", "com:PartyIdentifier/@com:officeCode",
        "WIPO.MappingST66RepresentativeToST96Representative#4"),
    Row("RepresentativeSequenceNumber", "@com:sequenceNumber",
        "WIPO.MappingST66RepresentativeToST96Representative#5"),
    Row("RepresentativeKindCode", "com:RepresentativeCategory",
        "WIPO.MappingST66RepresentativeToST96Representative#6", value=REPRESENTATIVE_KIND),
    Row("RepresentativeNationalityCode", "com:NationalityCode",
        "WIPO.MappingST66RepresentativeToST96Representative#7"),
    Row("RepresentativeLegalEntity", "com:LegalEntityName",
        "WIPO.MappingST66RepresentativeToST96Representative#8"),
    Row("RepresentativeIncorporationCountryCode", "com:IncorporationCountryCode",
        "WIPO.MappingST66RepresentativeToST96Representative#9"),
    Row("RepresentativeIncorporationState", "com:IncorporationState",
        "WIPO.MappingST66RepresentativeToST96Representative#10"),
    Row("Comment", "com:CommentText", "WIPO.MappingST66RepresentativeToST96Representative#11"),
    Row("Comment/@languageCode", "com:CommentText/@com:languageCode",
        "WIPO.MappingST66RepresentativeToST96Representative#12"),
    Row("RepresentativeAddressBook", "com:Contact",
        "WIPO.MappingST66RepresentativeToST96Representative#13", table=ADDRESS_BOOK),
    Row("RepresentativeVersion", "com:Version",
        "WIPO.MappingST66RepresentativeToST96Representative#14", table=VERSION),
))

STAFF = Table(A, "WIPO.MappingST66StaffToST96Staff", (
    Row("StaffIdentifier", "com:PartyIdentifier", "WIPO.MappingST66StaffToST96Staff#2"),
    Row("StaffName", "com:StaffName", "WIPO.MappingST66StaffToST96Staff#3"),
    Row("OfficialTitle", "com:OfficialTitleText", "WIPO.MappingST66StaffToST96Staff#4"),
))

DOCUMENT = Table(A, "WIPO.MappingST66DocumentToST96Document", (
    *(Row(name, f"com:{target}", f"WIPO.MappingST66DocumentToST96Document#{number}",
          value=value)
      for name, target, number, value in (
          ("DocumentName", "DocumentName", 2, None), ("DocumentFilename", "FileName", 3, None),
          ("DocumentFileFormat", "DocumentFormatCategory", 4, DOCUMENT_FORMAT),
          ("DocumentDate", "DocumentDate", 5, "date"),
          ("DocumentMedia", "DocumentMediaCategory", 7, DOCUMENT_MEDIA),
          ("DocumentLocation", "DocumentLocationURI", 8, None),
          ("DocumentVersion", "DocumentVersion", 9, None),
          ("DocumentSizeInByte", "DocumentSizeQuantity", 10, None),
          ("Comment", "CommentText", 11, None))),
    Row("DocumentLanguageCode", "@com:languageCode", "WIPO.MappingST66DocumentToST96Document#6"),
))

PUBLICATION = Table(A, "WIPO.MappingST66PublicationToST96Publication", (
    Row("PublicationIdentifier", "com:PublicationIdentifier",
        "WIPO.MappingST66PublicationToST96Publication#2"),
    Row("PublicationSection", "tmk:PublicationSectionCategory",
        "WIPO.MappingST66PublicationToST96Publication#3", value=PUBLICATION_SECTION),
    Row("PublicationSubsection", "com:PublicationSubsection",
        "WIPO.MappingST66PublicationToST96Publication#4"),
    Row("PublicationDate", "com:PublicationDate",
        "WIPO.MappingST66PublicationToST96Publication#5", value="date"),
    Row("PublicationPage", "com:PublicationPage",
        "WIPO.MappingST66PublicationToST96Publication#6"),
))

CLASS_DESCRIPTION = Table(A, "WIPO.MappingST66ClassDescriptionToST96ClassDescription", (
    Row("ClassNumber", "tmk:ClassNumber",
        "WIPO.MappingST66ClassDescriptionToST96ClassDescription#2"),
    Row("ClassNumberStatusCode", "tmk:ClassNumberStatusCategory",
        "WIPO.MappingST66ClassDescriptionToST96ClassDescription#3", value=CLASS_NUMBER_STATUS),
    Row("GoodsServicesDescription", "tmk:GoodsServicesDescriptionText",
        "WIPO.MappingST66ClassDescriptionToST96ClassDescription#4"),
    Row("GoodsServicesDescription/@languageCode",
        "tmk:GoodsServicesDescriptionText/@com:languageCode",
        "WIPO.MappingST66ClassDescriptionToST96ClassDescription#5"),
    Row("GoodsServicesDescription/@sequenceNumber",
        "tmk:GoodsServicesDescriptionText/@com:sequenceNumber",
        "WIPO.MappingST66ClassDescriptionToST96ClassDescription#6"),
    Row("UseNiceHeadingIndicator", "tmk:UseNiceHeadingIndicator",
        "WIPO.MappingST66ClassDescriptionToST96ClassDescription#7", value="boolean"),
    Row("ClassificationTermDetails/ClassificationTerm",
        "tmk:ClassificationTermBag/tmk:ClassificationTerm",
        "WIPO.MappingST66ClassDescriptionToST96ClassDescription#9"),
    *(Row(f"ClassificationTermDetails/ClassificationTerm/{name}",
          f"tmk:ClassificationTermBag/tmk:ClassificationTerm/tmk:{target}",
          f"WIPO.MappingST66ClassDescriptionToST96ClassDescription#{number}", value=value)
      for name, target, number, value in (
          ("ClassificationTermIdentifier", "ClassificationTermIdentifier", 11, None),
          ("ClassificationTermOffice", "ClassificationTermOfficeCode", 13, None),
          ("ClassificationTermOfficeKey", "ClassificationTermOfficeIdentification", 14, None),
          ("ClassificationTermEntryDate", "ClassificationTermEntryDate", 16, "date"),
          ("ClassNumber", "ClassNumber", 17, None),
          ("ClassificationTermText", "ClassificationTermText", 18, None))),
))

MARK_IMAGE = Table(A, "WIPO.MappingST66MarkImageToST96MarkImage", (
    Row("MarkImageFilename", "com:FileName", "WIPO.MappingST66MarkImageToST96MarkImage#2"),
    Row("MarkImageFileFormat", "com:ImageFormatCategory",
        "WIPO.MappingST66MarkImageToST96MarkImage#3", value=IMAGE_FORMAT),
    Row("MarkImageColourIndicator", "com:ColourIndicator",
        "WIPO.MappingST66MarkImageToST96MarkImage#4", value="boolean"),
    Row("MarkImageColourMode", "com:ColourModeCategory",
        "WIPO.MappingST66MarkImageToST96MarkImage#5", value=COLOUR_MODE),
    Row("MarkImageColourClaimedText", "tmk:MarkImageColourClaimedText",
        "WIPO.MappingST66MarkImageToST96MarkImage#6"),
    Row("MarkImageColourPartClaimedText", "tmk:MarkImageColourPartClaimedText",
        "WIPO.MappingST66MarkImageToST96MarkImage#9"),
))

# --- the trademark and the transaction ----------------------------------------------------------

_REP = "tmk:MarkRepresentation"
_WORD = f"{_REP}/tmk:MarkReproduction/tmk:WordMarkSpecification"
_GS = "GoodsServicesDetails/GoodsServices"
_OGS = "tmk:GoodsServicesBag/tmk:GoodsServices"
_CLASS = f"{_GS}/ClassDescriptionDetails/ClassDescription/ClassNumber"
_OCLASS = f"{_OGS}/tmk:GoodsServicesClassificationBag/tmk:GoodsServicesClassification"
_PRIO = "tmk:PriorityBag/tmk:Priority"
_EVENT = "tmk:MarkEventBag/tmk:MarkEvent"

_TRADEMARK_ROWS = (
    Row("@operationCode", "@com:operationCategory", "main#58", value=OPERATION),
    Row("RegistrationOfficeCode", "com:RegistrationOfficeCode", "main#59"),
    Row("ReceivingOfficeCode", "com:ReceivingOfficeCode", "main#60"),
    Row("ReceivingOfficeDate", "com:ReceivingOfficeDate", "main#61", value="date"),
    Row("ApplicationNumber", "com:ApplicationNumber/com:ApplicationNumberText", "main#62"),
    Row("ApplicationDate", "com:ApplicationDate", "main#63", value="date"),
    Row("ApplicationDateTime", "com:ApplicationDateTime", "main#64"),
    Row("RegistrationNumber", "com:RegistrationNumber", "main#65"),
    Row("RegistrationDate", "com:RegistrationDate", "main#66", value="date"),
    Row("FilingPlace", "com:FilingPlace", "main#69"),
    Row("ApplicationReference", "com:ApplicantFileReference", "main#70"),
    Row("ApplicantSideCaseKey", "tmk:ApplicantSideCaseIdentifier", "main#71"),
    Row("ApplicationLanguageCode", "com:ApplicationLanguageCode", "main#72"),
    Row("SecondLanguageCode", "com:SecondLanguageCode", "main#73"),
    Row("CorrespondenceLanguageCode", "com:CorrespondenceLanguageCode", "main#74"),
    Row("ExaminedApplicationNumber", "tmk:ExaminedApplicationNumber/com:ApplicationNumberText",
        "main#76"),
    Row("ExpiryDate", "com:ExpiryDate", "main#77", value="date"),
    Row("TerminationDate", "tmk:TerminationDate", "main#78", value="date"),
    Row("MarkCurrentStatusCode", "tmk:MarkCurrentStatusCode", "main#79",
        value=MARK_CURRENT_STATUS),
    Row("MarkCurrentStatusDate", "tmk:MarkCurrentStatusDate", "main#80", value="date"),
    Row("DesignatedCountryDetails/DesignatedCountry",
        "tmk:DesignatedCountryBag/tmk:DesignatedCountry", "main#82"),
    Row("DesignatedCountryDetails/DesignatedCountry/DesignatedCountryCode",
        "tmk:DesignatedCountryBag/tmk:DesignatedCountry/com:DesignatedCountryCode", "main#83"),
    Row("DesignatedCountryDetails/DesignatedCountry/DesignatedUnderCode",
        "tmk:DesignatedCountryBag/tmk:DesignatedCountry/tmk:MadridSystemCategory", "main#84",
        value=DESIGNATED_UNDER),
    Row("DivisionalApplicationDetails/InitialApplicationNumber",
        "tmk:DivisionalApplicationBag/tmk:InitialApplicationNumber/com:ApplicationNumberText",
        "main#96"),
    Row("DivisionalApplicationDetails/InitialApplicationDate",
        "tmk:DivisionalApplicationBag/tmk:InitialApplicationDate", "main#97", value="date"),
    Row("KindMark", "tmk:MarkCategory", "main#112", value=KIND_MARK),
    Row("MarkFeature", f"{_REP}/tmk:MarkFeatureCategory", "main#113", value=MARK_FEATURE),
    Row("MarkDescriptionDetails/MarkDescription",
        f"{_REP}/tmk:MarkDescriptionBag/tmk:MarkDescriptionText", "main#115"),
    Row("MarkDisclaimerDetails/MarkDisclaimer", "tmk:MarkDisclaimerBag/tmk:MarkDisclaimerText",
        "main#118"),
    Row("MarkDisclaimerDetails/MarkDisclaimer/@languageCode",
        "tmk:MarkDisclaimerBag/tmk:MarkDisclaimerText/@com:languageCode", "main#119"),
    Row("MarkDisclaimerDetails/MarkDisclaimer/@sequenceNumber",
        "tmk:MarkDisclaimerBag/tmk:MarkDisclaimerText/@com:sequenceNumber", "main#120"),
    Row("NonUseCancelledIndicator", "tmk:NonUseCancelledIndicator", "main#121",
        value="boolean"),
    Row("SpecialCircumstanceText", "tmk:SpecialCircumstanceText", "main#122"),
    Row("TradeDistinctivenessIndicator", "tmk:TradeDistinctivenessIndicator", "main#123",
        value="boolean"),
    Row("TradeDistinctivenessText", "tmk:TradeDistinctivenessText", "main#124"),
    Row("UseRequirementText", "tmk:UseRequirementText", "main#158"),
    Row("UseLimitationText", "tmk:UseLimitationText", "main#160"),
    Row("Comment", "com:CommentText", "main#162"),
    Row("OppositionPeriodStartDate", "tmk:OppositionPeriodStartDate", "main#163", value="date"),
    Row("OppositionPeriodEndDate", "tmk:OppositionPeriodEndDate", "main#164", value="date"),
    Row("WordMarkSpecification", _WORD, "main#165"),
    Row("WordMarkSpecification/MarkVerbalElementText", f"{_WORD}/tmk:MarkVerbalElementText",
        "main#166"),
    Row("WordMarkSpecification/MarkVerbalElementText/@languageCode",
        f"{_WORD}/tmk:MarkVerbalElementText/@com:languageCode", "main#167"),
    Row("WordMarkSpecification/MarkSignificantVerbalElement",
        f"{_WORD}/tmk:MarkSignificantVerbalElementText", "main#168"),
    Row("WordMarkSpecification/MarkVerbalElementSignificantIndicator",
        f"{_WORD}/tmk:MarkVerbalElementSignificantIndicator", "main#170", value="boolean"),
    Row("WordMarkSpecification/MarkTranslation", f"{_WORD}/tmk:MarkTranslationText",
        "main#171"),
    Row("WordMarkSpecification/MarkTranslation/@languageCode",
        f"{_WORD}/tmk:MarkTranslationText/@com:languageCode", "main#172"),
    Row("WordMarkSpecification/MarkTransliteration", f"{_WORD}/tmk:MarkTransliteration",
        "main#174"),
    Row("WordMarkSpecification/MarkStandardCharacterIndicator",
        f"{_WORD}/tmk:MarkStandardCharacterIndicator", "main#178", value="boolean"),
    Row("MarkImageDetails/MarkImage",
        f"{_REP}/tmk:MarkReproduction/tmk:MarkImageBag/tmk:MarkImage", "main#180",
        table=MARK_IMAGE),
    Row("MarkSoundDetails/MarkSound", f"{_REP}/tmk:MarkReproduction/tmk:MarkSoundBag/tmk:MarkSound",
        "main#182"),
    Row("MarkSoundDetails/MarkSound/MarkSoundFilename",
        f"{_REP}/tmk:MarkReproduction/tmk:MarkSoundBag/tmk:MarkSound/com:FileName", "main#183"),
    Row("MarkSoundDetails/MarkSound/MarkSoundFileFormat",
        f"{_REP}/tmk:MarkReproduction/tmk:MarkSoundBag/tmk:MarkSound/tmk:SoundFileFormatCategory",
        "main#184", value=SOUND_FORMAT),
    Row("GoodsServicesDetails", "tmk:GoodsServicesBag", "main#185"),
    Row(_GS, _OGS, "main#186"),
    Row(f"{_GS}/ClassificationKindCode", f"{_OGS}/tmk:ClassificationKindCode", "main#187"),
    Row(f"{_GS}/ClassificationVersion", f"{_OGS}/com:ClassificationVersion", "main#188"),
    Row(f"{_GS}/Comment", f"{_OGS}/com:CommentTextBag/com:CommentText", "main#189"),
    Row(f"{_GS}/ProposedLeadingClassNumber", f"{_OGS}/tmk:ProposedLeadingClassNumber",
        "main#191"),
    Row(f"{_GS}/ClassDescriptionDetails/ClassDescription",
        f"{_OGS}/tmk:ClassDescriptionBag/tmk:ClassDescription", "main#193",
        table=CLASS_DESCRIPTION),
    Row(_CLASS, _OCLASS, note="V6_0 requires the goods and services' classification: one for "
        "each ST.66 class number"),
    Row(_CLASS, f"{_OCLASS}/tmk:ClassificationKindCode", const="Nice",
        note="an ST.66 ClassNumber is a Nice class (ClassNumberType)"),
    Row(_CLASS, f"{_OCLASS}/tmk:ClassNumber", note="the class number of the classification"),
    Row("PriorityDetails/Priority", _PRIO, "main#218"),
    Row("PriorityDetails/Priority/PriorityCountryCode", f"{_PRIO}/com:PriorityCountryCode",
        "main#219"),
    Row("PriorityDetails/Priority/PriorityNumber",
        f"{_PRIO}/com:ApplicationNumber/com:ApplicationNumberText", "main#221"),
    Row("PriorityDetails/Priority/PriorityDate", f"{_PRIO}/com:PriorityApplicationFilingDate",
        "main#222", value="date"),
    Row("PriorityDetails/Priority/PriorityPartialIndicator",
        f"{_PRIO}/tmk:PriorityPartialIndicator", "main#224", value="boolean"),
    Row("PriorityDetails/Priority/PriorityStatusCode", f"{_PRIO}/com:PriorityStatusCategory",
        "main#229", value=PRIORITY_STATUS),
    Row("PriorityDetails/Priority/PriorityStatusDate", f"{_PRIO}/com:PriorityStatusDate",
        "main#230", value="date"),
    Row("PriorityDetails/Priority/Comment", f"{_PRIO}/com:CommentText", "main#231"),
    Row("PriorityDetails/Priority/PriorityDocument", f"{_PRIO}/com:PriorityDocument", "main#233",
        table=DOCUMENT),
    Row("ExhibitionPriorityDetails/ExhibitionPriority",
        "com:ExhibitionPriorityBag/com:ExhibitionPriority", "main#235"),
    *(Row(f"ExhibitionPriorityDetails/ExhibitionPriority/{name}",
          f"com:ExhibitionPriorityBag/com:ExhibitionPriority/com:{target}", f"main#{number}",
          value=value)
      for name, target, number, value in (
          ("ExhibitionCountryCode", "ExhibitionCountryCode", 236, None),
          ("ExhibitionCityName", "ExhibitionCityName", 237, None),
          ("ExhibitionName", "ExhibitionName", 238, None),
          ("ExhibitionDate", "ExhibitionDate", 239, "date"),
          ("ExhibitionFirstDisplayDate", "ExhibitionFirstDisplayDate", 240, "date"),
          ("ExhibitionStatusCode", "ExhibitionStatusCategory", 241, EXHIBITION_STATUS),
          ("ExhibitionStatusDate", "ExhibitionStatusDate", 242, "date"),
          ("Comment", "CommentText", 243, None))),
    Row("SeniorityDetails/Seniority", "tmk:SeniorityBag/tmk:Seniority", "main#247"),
    *(Row(f"SeniorityDetails/Seniority/{name}", f"tmk:SeniorityBag/tmk:Seniority/{target}",
          f"main#{number}", value=value)
      for name, target, number, value in (
          ("SeniorityCountryCode", "tmk:SeniorityCountryCode", 248, None),
          ("SeniorityApplicationNumber",
           "tmk:SeniorityApplicationNumber/com:ApplicationNumberText", 249, None),
          ("SeniorityApplicationDate", "tmk:SeniorityApplicationDate", 250, "date"),
          ("SeniorityFilingDate", "tmk:SeniorityFilingDate", 251, "date"),
          ("SeniorityRegistrationNumber", "tmk:SeniorityRegistrationNumber", 252, None),
          ("SeniorityRegistrationDate", "tmk:SeniorityRegistrationDate", 253, "date"),
          ("SeniorityPublicationDate", "tmk:SeniorityPublicationDate", 254, "date"),
          ("InternationalTradeMarkCode", "tmk:InternationalTrademarkCategory", 255,
           INTERNATIONAL_MARK),
          ("SeniorityPartialIndicator", "tmk:SeniorityPartialIndicator", 256, "boolean"),
          ("SeniorityStatusCode", "tmk:SeniorityStatusCategory", 261, SENIORITY_STATUS),
          ("SeniorityStatusDate", "tmk:SeniorityStatusDate", 262, "date"),
          ("Comment", "com:CommentText", 263, None))),
    Row("PublicationDetails/Publication", "tmk:PublicationBag/tmk:Publication", "main#267",
        table=PUBLICATION),
    Row("ApplicantDetails/Applicant", "tmk:ApplicantBag/tmk:Applicant", "main#272",
        table=APPLICANT),
    Row("RepresentativeDetails", "com:RepresentativeBag", "main#291"),
    Row("RepresentativeDetails/Representative", "com:RepresentativeBag/com:Representative",
        "main#292", table=REPRESENTATIVE),
    Row("StaffDetails/Staff", "com:StaffBag/com:Staff", "main#294", table=STAFF),
    Row("MarkEventDetails/MarkEvent", _EVENT, "main#302"),
    Row("MarkEventDetails/MarkEvent/MarkEventDate", f"{_EVENT}/tmk:MarkEventDate", "main#303",
        value="date"),
    Row("MarkEventDetails/MarkEvent/MarkEventDateTime", f"{_EVENT}/tmk:MarkEventDateTime",
        "main#304"),
    Row("MarkEventDetails/MarkEvent/MarkEventCode", f"{_EVENT}/tmk:MarkEventCategory",
        "main#305", value=MARK_EVENT_CODE, fallback=(
            Row("MarkEventDetails/MarkEvent/MarkEventCode", f"{_EVENT}/tmk:MarkEventCategory",
                const="National prosecution history entry",
                note="an event code outside ST.66 is a national prosecution-history code"),
            Row("MarkEventDetails/MarkEvent/MarkEventCode",
                f"{_EVENT}/tmk:NationalMarkEvent/tmk:MarkEventCode",
                note="an event code outside ST.66 is kept as the national event code"),
        )),
    Row("MarkEventDetails/MarkEvent/MarkEventResponseDate", f"{_EVENT}/tmk:MarkEventResponseDate",
        "main#306", value="date"),
    Row("MarkEventDetails/MarkEvent/Comment", f"{_EVENT}/com:CommentText", "main#307"),
    Row("TradeMarkVersion", "com:Version", "main#310", table=VERSION),
)

#: The USPTO's ST.66 extension namespace, and the extension elements that carry what V6_0
#: requires (event descriptions, priority filing dates) or has a place for.
USPTO = "urn:us:gov:doc:uspto:trademark:status"
_USPTO_ROWS = (
    Row("MarkEventDetails/MarkEvent/MarkEventExt/us:MarkEventInternalDescriptionText",
        f"{_EVENT}/tmk:NationalMarkEvent/tmk:MarkEventDescriptionText",
        note="USPTO extension: the national event's description"),
    Row("MarkEventDetails/MarkEvent/MarkEventExt/us:MarkEventEntryNumber",
        f"{_EVENT}/tmk:NationalMarkEvent/tmk:MarkEventEntryNumber",
        note="USPTO extension: the national event's entry number"),
    Row("PriorityDetails/Priority/PriorityExt/us:ForeignApplicationFilingDate",
        f"{_PRIO}/com:PriorityApplicationFilingDate", value="date",
        note="USPTO extension: the priority application's filing date"),
)

TRADEMARK = Table(A, "main", _TRADEMARK_ROWS)
USPTO_TRADEMARK = Table(A, "main", _TRADEMARK_ROWS + _USPTO_ROWS,
                        note="with the USPTO extension rows")

_BODY = "Transaction/TradeMarkTransactionBody/TransactionContentDetails"
_OBODY = "tmk:TrademarkTransactionBody/tmk:TransactionContentBag"
_DATA = f"{_BODY}/TransactionData"
_ODATA = f"{_OBODY}/tmk:TransactionData"

def _transaction(trademark: Table) -> tuple[Row, ...]:
    return (
        Row("Transaction", "", "main#1"),
        Row("Transaction/TransactionHeader/SenderDetails/RequestIdentifier",
            "com:TransactionHeader/com:SenderBag/com:RequestIdentifier", "main#4"),
        Row("Transaction/TransactionHeader/SenderDetails/RequestProducer",
            "com:TransactionHeader/com:SenderBag/com:RequestProducer", "main#9"),
        Row("Transaction/TransactionHeader/SenderDetails/RequestProducerDate",
            "com:TransactionHeader/com:SenderBag/com:RequestDate", "main#10", value="date"),
        Row("Transaction/TradeMarkTransactionBody", "tmk:TrademarkTransactionBody", "main#21"),
        Row(_BODY, _OBODY, "main#27"),
        Row(f"{_BODY}/TransactionIdentifier", f"{_OBODY}/com:TransactionIdentifier", "main#28"),
        Row(f"{_BODY}/TransactionCode", f"{_OBODY}/com:TransactionCategory", "main#29",
            value=TRANSACTION_CODE),
        Row(_DATA, _ODATA, "main#31"),
        Row(f"{_DATA}/TradeMarkDetails/TradeMark", f"{_ODATA}/tmk:TrademarkBag/tmk:Trademark",
            "main#57", table=trademark),
    )


#: Parties listed beside the trademarks, as in Annex VI: the transaction's own bags.
_SHARED_PARTIES = (
    Row(f"{_DATA}/ApplicantDetails/Applicant", f"{_ODATA}/tmk:ApplicantBag/tmk:Applicant",
        "main#312", table=APPLICANT),
    Row(f"{_DATA}/RepresentativeDetails/Representative",
        f"{_ODATA}/com:RepresentativeBag/com:Representative", "main#314", table=REPRESENTATIVE),
)

#: Parties beside a single trademark are that trademark's: V6_0 ``TransactionData`` holds
#: either trademarks or parties, not both.
_OWN_PARTIES = (
    Row(f"{_DATA}/ApplicantDetails/Applicant",
        f"{_ODATA}/tmk:TrademarkBag/tmk:Trademark/tmk:ApplicantBag/tmk:Applicant",
        table=APPLICANT, note="the applicants of the transaction's only trademark"),
    Row(f"{_DATA}/RepresentativeDetails/Representative",
        f"{_ODATA}/tmk:TrademarkBag/tmk:Trademark/com:RepresentativeBag/com:Representative",
        table=REPRESENTATIVE, note="the representatives of the transaction's only trademark"),
)


def transaction_table(*, single: bool, uspto: bool) -> Table:
    """The table of a whole transaction: one trademark or several, USPTO extension or not."""
    trademark = USPTO_TRADEMARK if uspto else TRADEMARK
    return Table(A, "main", _transaction(trademark) + (_OWN_PARTIES if single
                                                        else _SHARED_PARTIES))


#: Optional elements that V6_0 cannot hold without one of these children.
DROPPABLE = {
    "tmk:MarkImage": ("com:FileName",),
    "com:Representative": ("com:LegalEntityName", "com:PartyIdentifier", "com:Contact"),
    "tmk:Applicant": ("com:LegalEntityName", "com:PartyIdentifier", "com:Contact"),
}

#: V6_0 requires the mark's significant verbal element; when ST.66 names none, the whole
#: verbal element is the significant one.
DERIVED = {
    "tmk:MarkSignificantVerbalElementText": (
        "tmk:MarkVerbalElementText", "ST.66 names no significant verbal element: the whole "
        "verbal element is the significant one"),
}


def plan(legacy: LegacyInput) -> Plan:
    """Recognise an ST.66 ``Transaction``; :class:`InputError` for anything else."""
    root, namespace = legacy.root_name, legacy.root_namespace
    legacy.refuse_st96("ST.66")
    if root != "Transaction" or namespace not in (NAMESPACE, None) or legacy.root.find(
        f"{{{namespace}}}TradeMarkTransactionBody" if namespace else "TradeMarkTransactionBody"
    ) is None:
        raise InputError(
            f"not an ST.66 document: the root is {root!r}"
            + (f" in {namespace}" if namespace else "")
            + ", ST.66 has a Transaction with a TradeMarkTransactionBody",
            file=legacy.name, line=legacy.root.sourceline,
            hint=f"an ST.66 document's root is Transaction in {NAMESPACE}")
    extension = sorted({ns for ns in legacy.root.nsmap.values() if ns not in (NAMESPACE, None)})
    variant = "ST.66 V1.1" + (f" with extensions ({', '.join(extension)})" if extension else "")
    marks = legacy.root.findall(f".//{{{namespace}}}TradeMarkDetails/{{{namespace}}}TradeMark"
                                if namespace else ".//TradeMarkDetails/TradeMark")
    uspto = USPTO in legacy.root.nsmap.values()
    return Plan(
        standard="ST.66", variant=variant, document_type="TrademarkTransaction",
        root="tmk:TrademarkTransaction",
        table=transaction_table(single=len(marks) == 1, uspto=uspto),
        namespaces=frozenset({namespace}), prefixes={"us": USPTO} if uspto else {},
        droppable=DROPPABLE, derived=DERIVED,
    )
