"""Three complete documents built with :mod:`st96kit.build` (each is valid against V6_0).

They show the helpers at work and serve as starting points: a trademark application with
goods and services in two Nice classes, a patent publication with bibliographic data,
description, claims and abstract, and a design application with its Locarno class.
"""

from __future__ import annotations

from typing import Any

from st96kit.build.make import make
from st96kit.build.parts import (
    address,
    applicant,
    application_number,
    cpc,
    document,
    goods_services,
    inventor,
    ipc,
    locarno,
    nice,
    organization,
    patent_classifications,
    person,
    priority,
    publication_number,
    representative,
    word_mark,
)
from st96kit.models.v6_0 import common as com
from st96kit.models.v6_0 import design as dgn
from st96kit.models.v6_0 import patent as pat
from st96kit.models.v6_0 import trademark as tmk


def trademark_application() -> tmk.TrademarkApplication:
    """A word mark filed at EUIPO, in Nice classes 9 and 42, with a French priority."""
    office = address("1 Main Street", city="London", postal_code="EC1A 1AA", country="GB")
    trademark = make(
        tmk.Trademark,
        ApplicationNumber=application_number("018000123", office="EM"),
        ApplicationDate="2024-03-01",
        ApplicationLanguageCode="en",
        MarkCategory="Individual mark",
        MarkRepresentation=word_mark("ACME"),
        GoodsServicesBag=goods_services(
            nice(9, "Computer software", "Downloadable mobile applications"),
            nice(42, "Design and development of computer software"),
        ),
        PriorityBag=make(tmk.PriorityBag,
                         Priority=priority("trademark", "FR", "4951234", "2023-10-02")),
        ApplicantBag=make(tmk.ApplicantBag,
                          Applicant=applicant("trademark", "Acme Ltd", address=office)),
        RepresentativeBag=make(com.RepresentativeBag, Representative=representative(
            person("Ada", "Lovelace"), address=address("2 Rue de la Paix", city="Paris",
                                                       country="FR"))),
    )
    result: tmk.TrademarkApplication = document(
        "TrademarkApplication", TrademarkBag=make(tmk.TrademarkBag, Trademark=trademark))
    return result


def patent_publication() -> pat.PatentPublication:
    """A European A1 publication: bibliographic data, description, two claims, abstract."""
    lab = organization("Example Robotics GmbH")
    bibliographic = make(
        pat.BibliographicData,
        PatentPublicationIdentification=make(
            pat.PatentPublicationIdentification, IPOfficeCode="EP",
            PublicationNumber=publication_number("4123456"), PatentDocumentKindCode="A1",
            PublicationDate="2024-06-12"),
        ApplicationIdentification=make(
            pat.ApplicationIdentification, IPOfficeCode="EP",
            ApplicationNumber=application_number("23201234.5"), FilingDate="2023-10-02"),
        PriorityClaimBag=make(pat.PriorityClaimBag,
                              PriorityClaim=priority("patent", "DE", "102022000001",
                                                     "2022-10-04")),
        PatentClassificationBag=patent_classifications(ipc("B25J 9/16"), cpc("B25J 9/1664")),
        InventionTitleBag=make(pat.InventionTitleBag, InventionTitle=make(
            pat.InventionTitle, content=["Gripper with adaptive fingers"], languageCode="en")),
        PartyBag=make(
            pat.PartyBag,
            ApplicantBag=make(pat.ApplicantBag, Applicant=applicant(
                "patent", lab, address=address("Hauptstrasse 1", city="Munich",
                                               country="DE"))),
            InventorBag=make(pat.InventorBag, Inventor=[
                inventor(person("Grace", "Hopper"), sequence=1),
                inventor(person("Alan", "Turing"), sequence=2),
            ]),
        ),
    )
    claims = make(pat.Claims, Claim=[
        make(pat.Claim, ClaimNumber="1",
             ClaimText="A gripper comprising two fingers that adapt to the object held."),
        make(pat.Claim, ClaimNumber="2", ClaimText="The gripper of claim 1, made of steel."),
    ])
    result: pat.PatentPublication = document(
        "PatentPublication",
        IPOfficeCode="EP",
        BibliographicData=bibliographic,
        Description=make(pat.Description, P=[
            "The invention relates to robot grippers.",
            "Each finger has three joints driven by one tendon.",
        ]),
        Claims=claims,
        Abstract=make(pat.Abstract, P="A gripper whose fingers adapt to the object held."),
    )
    return result


def design_application() -> dgn.DesignApplication:
    """A design application for a chair (Locarno 06-01), with one applicant."""
    applicants = make(dgn.ApplicantBag, Applicant=applicant(
        "design", "Nordic Chairs AB", address=address("Storgatan 1", city="Stockholm",
                                                      country="SE")))
    design = make(
        dgn.Design,
        DesignIdentifier="1",
        DesignTitleText=make(dgn.DesignTitleText, value="Chair", languageCode="en"),
        DesignClassificationBag=locarno(6, 1),
        PriorityBag=make(dgn.PriorityBag,
                         Priority=priority("design", "US", "29/912345", "2023-11-20")),
        ApplicantBag=applicants,
    )
    result: dgn.DesignApplication = document(
        "DesignApplication",
        RegistrationOfficeCode="EM",
        ApplicationNumber=application_number("015001234", office="EM"),
        ApplicationDate="2024-02-01",
        DesignBag=make(dgn.DesignBag, Design=design),
        ApplicantBag=applicants,
    )
    return result


EXAMPLES: dict[str, Any] = {
    "TrademarkApplication": trademark_application,
    "PatentPublication": patent_publication,
    "DesignApplication": design_application,
}
