"""Helpers for the pieces every ST.96 document needs (V6_0 classes).

Each helper returns an object of the generated classes, checked on the way in: a country or
office code must be a WIPO ST.3 code, a date must exist, a Nice class is 1 to 45, an IPC or
CPC symbol must read like one. A bad value raises :class:`~st96kit.errors.BuildError`
naming the field and the rule.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Any, Literal

from xsdata.models.datatype import XmlDate

from st96kit import models
from st96kit.build.make import _date, make
from st96kit.errors import BuildError
from st96kit.models.v6_0 import common as com
from st96kit.models.v6_0 import design as dgn
from st96kit.models.v6_0 import patent as pat
from st96kit.models.v6_0 import trademark as tmk

VERSION = "V6_0"
Kind = Literal["trademark", "patent", "design"]
DateLike = str | datetime.date | XmlDate

NICE_CLASSES = range(1, 46)
LOCARNO_CLASSES = range(1, 33)
IPC_SYMBOL = re.compile(r"([A-H])(\d{2})([A-Z])\s*(\d{1,4})/(\d{2,6})")

_APPLICANTS: dict[str, type[Any]] = {
    "trademark": tmk.Applicant, "patent": pat.Applicant, "design": dgn.Applicant,
}


# -- documents, numbers and dates --------------------------------------------------------

def document(name: str, /, *, language: str = "en", **children: Any) -> Any:
    """A new document of type ``name`` with ``st96Version`` and its required attributes set.

    ``language`` fills a required ``languageCode`` (``PatentPublication`` has one).
    """
    cls = models.document_class(name, VERSION)
    fields = {f.name for f in cls.__dataclass_fields__.values()}
    if "language_code" in fields and "languageCode" not in children:
        children["languageCode"] = language
    return make(cls, st96Version=VERSION, **children)


def date(value: DateLike, *, field: str = "date") -> XmlDate:
    """A date from ``"2024-03-01"``, a :class:`datetime.date` or an XmlDate (it must exist)."""
    if isinstance(value, XmlDate):
        try:
            value.to_date()
        except ValueError:
            raise BuildError(f"{field}: {value} is not a date that exists") from None
        return value
    return _date(value, field)


def application_number(number: str, *, office: str | None = None) -> com.ApplicationNumber:
    """An application number as the office writes it, with the office's ST.3 code."""
    return make(com.ApplicationNumber, IPOfficeCode=office, ApplicationNumberText=number)


def publication_number(number: str) -> pat.PublicationNumber:
    """A patent publication number (without office code or kind code)."""
    return make(pat.PublicationNumber, value=number)


# -- parties -----------------------------------------------------------------------------

def person(first: str, last: str) -> com.Name:
    """The name of a person, first and last name."""
    structured = make(com.PersonStructuredName, FirstName=first, LastName=last)
    return make(com.Name, PersonName=make(com.PersonName, PersonStructuredName=structured))


def organization(name: str) -> com.Name:
    """The name of a company or other organization."""
    standard = make(com.OrganizationName, OrganizationStandardName=name)
    return make(com.Name, OrganizationName=standard)


def address(*lines: str, country: str, city: str | None = None,
            postal_code: str | None = None) -> com.PostalAddressBag:
    """A postal address: street lines, city, postal code and ST.3 country code."""
    if not lines:
        raise BuildError("address: at least one address line is needed")
    structured = make(com.PostalStructuredAddress, AddressLineText=list(lines), CityName=city,
                      CountryCode=country, PostalCode=postal_code)
    return make(com.PostalAddressBag,
                PostalAddress=make(com.PostalAddress, PostalStructuredAddress=structured))


def contact(name: com.Name | str, *, address: com.PostalAddressBag | None = None,
            email: str | None = None) -> com.Contact:
    """Contact details; a plain string ``name`` is an organization's name."""
    emails = make(com.EmailAddressBag, EmailAddressText=email) if email else None
    return make(com.Contact, Name=organization(name) if isinstance(name, str) else name,
                PostalAddressBag=address, EmailAddressBag=emails)


def applicant(kind: Kind, name: com.Name | str, *, address: com.PostalAddressBag | None = None,
              email: str | None = None, sequence: int = 1, nationality: str | None = None
              ) -> Any:
    """An applicant of a trademark, patent or design application."""
    cls = _APPLICANTS.get(kind)
    if cls is None:
        raise BuildError(f"applicant: kind must be one of {', '.join(_APPLICANTS)}, not {kind!r}")
    return make(cls, Contact=contact(name, address=address, email=email),
                NationalityCode=nationality, sequenceNumber=sequence)


def representative(name: com.Name | str, *, address: com.PostalAddressBag | None = None,
                   email: str | None = None, sequence: int = 1,
                   category: str | None = None) -> com.Representative:
    """A representative (attorney, agent) of trademark and design applications."""
    return make(com.Representative, Contact=contact(name, address=address, email=email),
                RepresentativeCategory=category, sequenceNumber=sequence)


def inventor(name: com.Name | str, *, address: com.PostalAddressBag | None = None,
             sequence: int = 1) -> pat.Inventor:
    """An inventor of a patent."""
    return make(pat.Inventor, Contact=contact(name, address=address), sequenceNumber=sequence)


# -- classifications ---------------------------------------------------------------------

def nice(class_number: int, *terms: str, edition: str | None = None) -> tmk.GoodsServices:
    """Goods and services of one Nice class, with their terms."""
    if isinstance(class_number, bool) or not isinstance(class_number, int) \
            or class_number not in NICE_CLASSES:
        raise BuildError(f"Nice class: {class_number!r} is not a Nice class "
                         "(the Nice Classification has classes 1 to 45)")
    if not terms:
        raise BuildError(f"Nice class {class_number}: at least one goods or services term")
    number = f"{class_number:02d}"
    classification = make(tmk.GoodsServicesClassification, ClassificationKindCode="Nice",
                          ClassNumber=number, ClassificationVersion=edition)
    description = make(tmk.ClassDescription, ClassNumber=number,
                       GoodsServicesDescriptionText=list(terms))
    return make(
        tmk.GoodsServices,
        GoodsServicesClassificationBag=make(tmk.GoodsServicesClassificationBag,
                                            GoodsServicesClassification=classification),
        ClassDescriptionBag=make(tmk.ClassDescriptionBag, ClassDescription=description),
    )


def goods_services(*classes: tmk.GoodsServices) -> tmk.GoodsServicesBag:
    """The goods and services of a trademark: one :func:`nice` per class."""
    return make(tmk.GoodsServicesBag, GoodsServices=list(classes))


def _ipc_parts(symbol: str, field: str) -> re.Match[str]:
    match = IPC_SYMBOL.fullmatch(symbol.strip())
    if match is None:
        raise BuildError(f"{field}: {symbol!r} is not a classification symbol "
                         "(section, class, subclass, group/subgroup, such as 'H04L 9/32')")
    return match


def ipc(symbol: str, *, sequence: int = 1) -> pat.IPCRClassification:
    """An IPC classification from its symbol, such as ``"A01B 1/00"``."""
    section, klass, subclass, group, subgroup = _ipc_parts(symbol, "IPC").groups()
    text = f"{section}{klass}{subclass} {group}/{subgroup}"
    return make(pat.IPCRClassification, PatentClassificationText=text, sequenceNumber=sequence)


def cpc(symbol: str, *, version: DateLike = "2024-01-01", office: str = "EP",
        action_date: DateLike = "2024-01-01") -> pat.CPCClassificationBag:
    """A CPC classification (main symbol), such as ``"H04L 9/3247"``."""
    section, klass, subclass, group, subgroup = _ipc_parts(symbol, "CPC").groups()
    classification = make(
        pat.CPCClassification, ClassificationVersionDate=date(version, field="CPC version"),
        CPCSection=section, Class=klass, Subclass=subclass, MainGroup=group,
        Subgroup=subgroup, SymbolPositionCode="F", CPCClassificationValueCode="I",
        ActionDate=date(action_date, field="CPC action date"), GeneratingOfficeCode=office,
    )
    return make(pat.CPCClassificationBag,
                MainCPC=make(pat.MainCPC, CPCClassification=classification))


def patent_classifications(
    *items: pat.IPCRClassification | pat.CPCClassificationBag,
) -> pat.PatentClassificationBag:
    """IPC and CPC classifications together, as a patent's classification bag."""
    ipcs = [i for i in items if isinstance(i, pat.IPCRClassification)]
    cpcs = [i for i in items if isinstance(i, pat.CPCClassificationBag)]
    children: dict[str, Any] = {"CPCClassificationBag": cpcs}
    if ipcs:
        children["IPCRClassificationBag"] = make(pat.IPCRClassificationBag,
                                                 IPCRClassification=ipcs)
    return make(pat.PatentClassificationBag, **children)


def locarno(
    class_number: int, subclass: int, *, edition: str = "14"
) -> com.DesignClassificationBag:
    """The Locarno class and subclass of a design."""
    if isinstance(class_number, bool) or not isinstance(class_number, int) \
            or class_number not in LOCARNO_CLASSES:
        raise BuildError(f"Locarno class: {class_number!r} is not a Locarno class "
                         "(classes 1 to 32)")
    if isinstance(subclass, bool) or not isinstance(subclass, int) or not 0 < subclass < 100:
        raise BuildError(f"Locarno subclass: {subclass!r} is not a subclass (1 to 99)")
    classification = make(
        com.LocarnoClassification, LocarnoClass=f"{class_number:02d}",
        LocarnoSubclassBag=make(com.LocarnoSubclassBag, LocarnoSubclass=f"{subclass:02d}"),
    )
    bag = make(com.LocarnoClassificationBag, LocarnoClassificationEdition=edition,
               LocarnoClassification=classification)
    return make(com.DesignClassificationBag, LocarnoClassificationBag=bag)


# -- marks and priorities ----------------------------------------------------------------

def word_mark(text: str) -> tmk.MarkRepresentation:
    """The representation of a word mark."""
    words = make(tmk.WordMarkSpecification, MarkSignificantVerbalElementText=text)
    return make(tmk.MarkRepresentation,
                MarkReproduction=make(tmk.MarkReproduction, WordMarkSpecification=words))


def image_mark(file_name: str, *, image_format: str | None = None) -> tmk.MarkRepresentation:
    """The representation of a figurative mark, by the file name of its image."""
    image = make(tmk.MarkImage, FileName=file_name, ImageFormatCategory=image_format)
    bag = make(tmk.MarkImageBag, MarkImage=image)
    return make(tmk.MarkRepresentation,
                MarkReproduction=make(tmk.MarkReproduction, MarkImageBag=bag))


def priority(kind: Kind, country: str, number: str, filed: DateLike, *,
             sequence: int = 1) -> Any:
    """A priority claim: the earlier application's office, number and filing date."""
    number_object = application_number(number)
    filed_date = date(filed, field="priority filing date")
    if kind == "patent":
        return make(pat.PriorityClaim, IPOfficeCode=country, ApplicationNumber=number_object,
                    FilingDate=filed_date, sequenceNumber=sequence)
    classes: dict[str, type[Any]] = {"trademark": tmk.Priority, "design": dgn.Priority}
    cls = classes.get(kind)
    if cls is None:
        raise BuildError(f"priority: kind must be trademark, patent or design, not {kind!r}")
    return make(cls, PriorityCountryCode=country, ApplicationNumber=number_object,
                PriorityApplicationFilingDate=filed_date)


def numbered(items: Sequence[Any]) -> list[Any]:
    """The items with ``sequenceNumber`` 1, 2, 3 ... (parties, priorities)."""
    for index, item in enumerate(items, 1):
        if hasattr(item, "sequence_number"):
            item.sequence_number = index
    return list(items)
