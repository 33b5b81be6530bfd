"""The demo: two real Israeli towns with generated, realistic records.

Nothing here is copied from ../shared/data: the national table of the 255 local authorities is read in place from
../shared/data/local_authorities/local_authorities_2021.csv (``SHUTAFUT_SHARED_DIR`` names another shared/ folder)
by the same import as ``shutafut data import authorities``; names are composed from common Hebrew parts, registry
numbers get valid check digits, and the mix of sectors, rungs and partnership stages is chosen so that every screen
and every diagnosis outcome has something to show, including honest negative cases (a donation-only arrangement and a
purchase of services). Loading is idempotent: a town that already exists is left as it is.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from shutafut.accounts.context_processors import NATIONAL_GROUP
from shutafut.accounts.models import Membership, Role, Town
from shutafut.diagnosis.services import diagnosis_refresh
from shutafut.model.ladder import Rung
from shutafut.model.records import Cadence, DecisionMethod, DocumentKind, InReturn
from shutafut.model.resources import ResourceType
from shutafut.model.sectors import Sector
from shutafut.organizations.models import LegalForm, Organization, Person
from shutafut.organizations.registry import check_digit_ok
from shutafut.partnerships.models import (
    Activity,
    Approval,
    Decision,
    FlowKind,
    FrameworkDocument,
    MatterKind,
    Member,
    MemberInterest,
    Partnership,
    ResourceFlow,
)
from shutafut.relationships.models import Relationship, Source
from shutafut.reports.services import authorities_import
from shutafut.security.checks import DEMO_USERNAMES
from shutafut.workspace.services import representative_add

DEMO_PASSWORD = "demo1234"
NATIONAL_USER = "national1"
AUTHORITIES_FILE = ("data", "local_authorities", "local_authorities_2021.csv")


def shared_dir() -> Path:
    """The read-only shared/ folder beside the repository, or the one ``SHUTAFUT_SHARED_DIR`` names."""
    return Path(os.environ.get("SHUTAFUT_SHARED_DIR", Path(settings.BASE_DIR).parent / "shared"))


@dataclass(frozen=True)
class DemoTown:
    slug: str
    name: str
    name_en: str
    authority_code: str
    coordinator: str
    partner: str
    seed: int


TOWNS = (
    DemoTown("beer-sheva", "באר שבע", "Be'er Sheva", "9000", "coordinator1", "partner1", 1),
    DemoTown("kfar-saba", "כפר סבא", "Kfar Saba", "6900", "coordinator2", "partner2", 2),
)

FIELDS = [
    "חינוך",
    "רווחה",
    "נוער",
    "קשישים",
    "תעסוקה",
    "בריאות",
    "סביבה",
    "תרבות",
    "ספורט",
    "מוגבלויות",
    "ביטחון תזונתי",
    "קליטה",
]
NONPROFIT_NAMES = [
    "לב חם",
    "יד ביד",
    "גשר לעתיד",
    "אור לנוער",
    "בית חם",
    "צעדים קדימה",
    "כנפיים",
    "שביל ישראל",
    "מעגלים",
    "אחריות משותפת",
    "נתיבים",
    "קשר רציף",
    "פעמונים",
    "מזון לכל",
    "אופק",
    "ירוק בעיר",
    "דרך חדשה",
    "חברים לרפואה",
    "ותיקים למען ותיקים",
    "מרחב",
    "שכנים טובים",
    "נשים מובילות",
    "קהילה תומכת",
    "ספרייה לכל ילד",
]
NONPROFIT_PREFIX = ["עמותת", "ארגון", "עמותת", "קרן", "עמותת", "מרכז"]
BUSINESS_NAMES = [
    ("בנק", "הדרום"),
    ("סופרמרקט", "השכונה"),
    ("מאפיית", "הבוקר"),
    ("חברת", "אופק טכנולוגיות"),
    ("קבלן", "בנייה ירוקה"),
    ("משרד", "רואי חשבון כהן ושות'"),
    ("חברת", "תחבורה מקומית"),
    ("מלון", "המדבר"),
    ("חברת", "אנרגיה סולארית"),
    ("קפה", "הפינה"),
    ("רשת", "חנויות ספרים"),
    ("חברת", "הייטק נגב"),
    ("מפעל", "טקסטיל"),
    ("חברת", "ביטוח אמון"),
    ("משרד", "פרסום יצירתי"),
    ("סטודיו", "עיצוב"),
    ("חברת", "קייטרינג טעמים"),
    ("מוסך", "העיר"),
]
PUBLIC_UNITS = [
    ("agaf", "אגף הרווחה"),
    ("agaf", "מחלקת החינוך"),
    ("agaf", "מחלקת הנוער"),
    ("agaf", "היחידה לקיימות"),
    ("agaf", "מחלקת התרבות"),
    ("agaf", "היחידה לתעסוקה"),
    ("agaf", "מחלקת הספורט"),
    ("ministry", "משרד הרווחה, המחוז"),
    ("ministry", "משרד החינוך, המחוז"),
    ("ministry", "משרד הבריאות, לשכת הבריאות"),
    ("statutory", "המוסד לביטוח לאומי, הסניף"),
    ("company", "החברה הכלכלית"),
    ("agaf", 'המתנ"ס העירוני'),
]
FIRST = [
    "נועה",
    "יוסי",
    "מיכל",
    "אחמד",
    "רות",
    "דוד",
    "שירה",
    "עומר",
    "ליאת",
    "חיים",
    "מרים",
    "אבי",
    "סאמר",
    "תמר",
]
LAST = ["כהן", "לוי", "מזרחי", "אבו-סאלח", "פרץ", "ביטון", "אזולאי", "גבאי", "שפירא", "חדד", "ברק", "נסים"]


def registry_number(rng: random.Random, prefix: str) -> str:
    """Return a nine-digit number with ``prefix`` and a valid check digit."""
    while True:
        body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(8 - len(prefix)))
        for last in range(10):
            number = body + str(last)
            if check_digit_ok(number):
                return number


def load_demo() -> str:
    """Load both demo towns and their accounts; return a one-line summary per town."""
    if not settings.DEBUG:
        raise ImproperlyConfigured("The demo and its accounts are for development only: DEBUG is off.")
    lines = []
    for spec in TOWNS:
        with transaction.atomic():
            town, created = Town.objects.get_or_create(
                slug=spec.slug,
                defaults={"name": spec.name, "name_en": spec.name_en, "authority_code": spec.authority_code},
            )
            if created:
                _fill_town(town, random.Random(spec.seed))
            coordinator = _ensure_account(spec.coordinator, town, Role.COORDINATOR)
            partner = _ensure_account(spec.partner, town, Role.MEMBER)
            if created:
                _name_representatives(town, coordinator, partner)
        lines.append(
            f"{spec.name_en}: {town.organizations.count()} organizations, {town.relationships.count()} relationships,"
            f" {town.partnerships.count()} partnerships ({'created' if created else 'already there'});"
            f" login {spec.coordinator} / {DEMO_PASSWORD} (coordinator), {spec.partner} / {DEMO_PASSWORD}"
            " (a partner's representative)"
        )
    lines.append(_load_authorities())
    _ensure_national_account()
    lines.append(f"National team: login {NATIONAL_USER} / {DEMO_PASSWORD} (/national/)")
    return "\n".join(lines)


def _load_authorities() -> str:
    """The national table of local authorities, read in place from shared/ (never copied into the repository)."""
    path = shared_dir().joinpath(*AUTHORITIES_FILE)
    if not path.is_file():
        return f"Local authorities: {path} not found, the national table was left as it is"
    result = authorities_import(path=path)
    if not result.ok:
        return f"Local authorities: {path} was refused ({result.file_error or 'rows with problems'})"
    return f"Local authorities: {len(result.rows)} read from {path}"


def _ensure_national_account() -> None:
    """The national team's account: in the 'national' group, a member of no town."""
    if NATIONAL_USER not in DEMO_USERNAMES:
        raise ImproperlyConfigured(f"{NATIONAL_USER!r} is not in shutafut.security.checks.DEMO_USERNAMES.")
    user, created = get_user_model().objects.get_or_create(username=NATIONAL_USER)
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(Group.objects.get_or_create(name=NATIONAL_GROUP)[0])


def _ensure_account(username: str, town: Town, role: Role) -> Any:
    if username not in DEMO_USERNAMES:
        raise ImproperlyConfigured(f"{username!r} is not in shutafut.security.checks.DEMO_USERNAMES.")
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username)
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    Membership.objects.get_or_create(user=user, town=town, defaults={"role": role})
    return user


def _name_representatives(town: Town, coordinator: Any, partner: Any) -> None:
    """In the partnership at initiation, the coordinator acts for the convener and the partner for the rest,
    so that the whole life cycle can be walked in the workspace with the two demo accounts."""
    partnership = town.partnerships.get(stage="initiation")
    for member in partnership.members.select_related("organization"):
        user = coordinator if member.organization_id == partnership.convener_id else partner
        representative_add(member=member, user=user, by=coordinator)


def _org(town: Town, **fields: object) -> Organization:
    organization = Organization(town=town, **fields)
    organization.full_clean()
    organization.save()
    return organization


def _fill_town(town: Town, rng: random.Random) -> None:
    orgs = _organizations(town, rng)
    _people(town, orgs, rng)
    _relationships(town, orgs, rng)
    _partnerships(town, orgs, rng)
    for partnership in town.partnerships.all():
        diagnosis_refresh(partnership)


def _organizations(town: Town, rng: random.Random) -> dict[str, list[Organization]]:
    authority = _org(
        town,
        name=f"עיריית {town.name}",
        name_en=f"{town.name_en} Municipality",
        sector=Sector.PUBLIC,
        subtype="local_authority",
        legal_form=LegalForm.LOCAL_AUTHORITY,
        registry_number=town.authority_code,
        locality=town.name,
        fields_of_activity="שירותים מוניציפליים",
        resources_offered=[ResourceType.LEGITIMACY, ResourceType.BUDGET, ResourceType.OFFICIAL_AUTHORITY],
    )
    public = [authority]
    for kind, name in PUBLIC_UNITS:
        subtype, form = {
            "agaf": ("authority_department", LegalForm.LOCAL_AUTHORITY),
            "ministry": ("ministry_unit", LegalForm.GOVERNMENT),
            "statutory": ("statutory_body", LegalForm.STATUTORY),
            "company": ("municipal_company", LegalForm.COMPANY),
        }[kind]
        public.append(
            _org(
                town,
                name=f"{name} {town.name}" if kind in ("agaf", "company") else name,
                sector=Sector.PUBLIC,
                subtype=subtype,
                legal_form=form,
                registry_number=registry_number(rng, "51") if kind == "company" else "",
                locality=town.name,
                fields_of_activity=", ".join(rng.sample(FIELDS, 2)),
                resources_offered=rng.sample(
                    [
                        ResourceType.BUDGET,
                        ResourceType.PROFESSIONAL_EXPERTISE,
                        ResourceType.ACCESS_TO_POPULATION,
                        ResourceType.CONTINUITY,
                        ResourceType.INFRASTRUCTURE,
                    ],
                    2,
                ),
            )
        )
    third = []
    for i, name in enumerate(NONPROFIT_NAMES + [n + " " + town.name for n in NONPROFIT_NAMES[:6]]):
        prefix = NONPROFIT_PREFIX[i % len(NONPROFIT_PREFIX)]
        subtype = {"קרן": "foundation", "מרכז": "nonprofit"}.get(prefix, "nonprofit")
        third.append(
            _org(
                town,
                name=f"{prefix} {name}",
                sector=Sector.THIRD,
                subtype=subtype,
                legal_form=LegalForm.AMUTA,
                registry_number=registry_number(rng, "58"),
                locality=town.name,
                fields_of_activity=", ".join(rng.sample(FIELDS, 2)),
                resources_offered=rng.sample(
                    [
                        ResourceType.FIELD_PROXIMITY,
                        ResourceType.VOLUNTEERS,
                        ResourceType.KNOWLEDGE,
                        ResourceType.EXPERIENCE,
                        ResourceType.OPERATIONAL_FLEXIBILITY,
                        ResourceType.CONNECTIONS,
                    ],
                    3,
                ),
            )
        )
    third.append(
        _org(
            town,
            name=f"ועד השכונה הוותיקה, {town.name}",
            sector=Sector.THIRD,
            subtype="community_group",
            legal_form=LegalForm.INFORMAL,
            locality=town.name,
            fields_of_activity="קהילה",
        )
    )
    business = []
    for kind, name in BUSINESS_NAMES:
        small = kind in ("מאפיית", "קפה", "מוסך", "סטודיו", "סופרמרקט")
        business.append(
            _org(
                town,
                name=f"{kind} {name}",
                sector=Sector.BUSINESS,
                subtype="small_business" if small else "corporation",
                legal_form=LegalForm.COMPANY,
                registry_number=registry_number(rng, "51"),
                locality=town.name,
                fields_of_activity=", ".join(rng.sample(FIELDS, 1)),
                resources_offered=rng.sample(
                    [
                        ResourceType.BUDGET,
                        ResourceType.MANAGERIAL_KNOWHOW,
                        ResourceType.CONNECTIONS,
                        ResourceType.REPUTATION,
                        ResourceType.INFRASTRUCTURE,
                        ResourceType.MANPOWER,
                    ],
                    2,
                ),
            )
        )
    business.append(
        _org(
            town,
            name=f"עסק חברתי מקום לכולם, {town.name}",
            sector=Sector.BUSINESS,
            subtype="social_business",
            legal_form=LegalForm.COMPANY,
            hybrid=True,
            registry_number=registry_number(rng, "51"),
            locality=town.name,
            fields_of_activity="תעסוקה",
        )
    )
    return {"authority": [authority], "public": public, "third": third, "business": business}


def _people(town: Town, orgs: dict[str, list[Organization]], rng: random.Random) -> None:
    titles = {"public": "מנהל/ת מחלקה", "third": 'מנכ"ל/ית', "business": "אחראי/ת מעורבות חברתית"}
    people = []
    for sector in ("public", "third", "business"):
        for org in orgs[sector]:
            people.append(
                Person(
                    town=town,
                    organization=org,
                    full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                    role_title=titles[sector],
                )
            )
    Person.objects.bulk_create(people)


RUNG_WEIGHTS = {
    Rung.DISCONNECTION: 12,
    Rung.COMPETITION: 8,
    Rung.INFORMING: 30,
    Rung.COORDINATION: 25,
    Rung.COOPERATION: 17,
    Rung.PARTNERSHIP: 8,
}


def _relationships(town: Town, orgs: dict[str, list[Organization]], rng: random.Random) -> None:
    everyone = orgs["public"] + orgs["third"] + orgs["business"]
    pairs: set[tuple[int, int]] = set()
    rungs, weights = zip(*RUNG_WEIGHTS.items(), strict=True)
    rows: list[Relationship] = []
    today = dt.date(2026, 10, 1)
    # Every rung appears at least a few times, then the rest follows the weights.
    wanted = [r for r in Rung for _ in range(5)] + rng.choices(rungs, weights, k=300)
    while len(rows) < len(wanted):
        a, b = rng.sample(everyone, 2)
        key = (min(a.pk, b.pk), max(a.pk, b.pk))
        if key in pairs:
            continue
        pairs.add(key)
        rung = wanted[len(rows)]
        target = min(Rung.PARTNERSHIP, rung + 1) if rng.random() < 0.2 and rung >= Rung.INFORMING else None
        rows.append(
            Relationship(
                town=town,
                org_a=a,
                org_b=b,
                domain=rng.choice(FIELDS),
                rung=int(rung),
                target_rung=target,
                competitive_tension=rung >= Rung.INFORMING and rng.random() < 0.05,
                observed_on=today - dt.timedelta(days=rng.randint(0, 400)),
                source=Source.RECORDED,
            )
        )
    for row in rows:
        row.clean()  # the model's own rules; the generated keys and choices are valid by construction
    Relationship.objects.bulk_create(rows)


def _members(partnership: Partnership, organizations: list[Organization], roles: list[list[str]]) -> list[Member]:
    members = []
    for org, member_roles in zip(organizations, roles, strict=True):
        member, _ = Member.objects.get_or_create(partnership=partnership, organization=org)
        member.roles = member_roles
        member.representative = org.people.first()
        member.mandate = "מוסמך/ת להתחייב למשאבים שאושרו בתוכנית העבודה"
        member.joined_on = partnership.started_on
        member.save()
        members.append(member)
    return members


def _flow(partnership: Partnership, giver: Member, resource: str, **extra: object) -> ResourceFlow:
    return ResourceFlow.objects.create(partnership=partnership, giver=giver, resource_type=resource, **extra)


def _decisions(partnership: Partnership, members: list[Member], subjects: list[str], start: dt.date) -> None:
    for i, subject in enumerate(subjects):
        decision = Decision.objects.create(
            partnership=partnership,
            date=start + dt.timedelta(days=30 * (i + 1)),
            subject=subject,
            method=DecisionMethod.CONSENSUS,
        )
        decision.participants.set(members)


def _partnerships(town: Town, orgs: dict[str, list[Organization]], rng: random.Random) -> None:
    authority = orgs["authority"][0]
    welfare, education, youth = orgs["public"][1], orgs["public"][2], orgs["public"][3]
    third, business = orgs["third"], orgs["business"]
    start = dt.date(2025, 1, 15)

    # 1. A real partnership in routine: three sectors, signed framework, mixed resources, everyone decides.
    p = Partnership.objects.create(
        town=town,
        name=f"שולחן עגול לתעסוקת צעירים {town.name}",
        convener=authority,
        stage="routine",
        public_goals="להגדיל את שיעור התעסוקה של צעירים בני 18–30 בעיר",
        focus="תעסוקת צעירים",
        beneficiaries="צעירים מחפשי עבודה בעיר",
        started_on=start,
        horizon_months=36,
        meeting_cadence=Cadence.MONTHLY,
        is_public=True,
    )
    ms = _members(
        p,
        [authority, third[0], third[3], business[0], business[11]],
        [["initiator", "manager"], ["partner"], ["informal_leader"], ["partner"], ["partner"]],
    )
    doc = FrameworkDocument.objects.create(
        partnership=p,
        kind=DocumentKind.AGREEMENT,
        title="הסכם שותפות לתעסוקת צעירים",
        signed_on=start,
        decision_rules="החלטות בהסכמה; מחלוקת מוכרעת ברוב של שני שלישים",
        info_flow_rules="פרוטוקול משותף תוך שבוע",
        review_cadence=Cadence.YEARLY,
        exit_clause=True,
    )
    doc.signatories.set(ms)
    budget = _flow(p, ms[0], ResourceType.BUDGET, value=Decimal("250000"), unit="₪", kind=FlowKind.PLEDGE)
    _flow(p, ms[1], ResourceType.FIELD_PROXIMITY, description="רכזי שטח בשכונות", kind=FlowKind.PLEDGE)
    _flow(p, ms[2], ResourceType.VOLUNTEERS, value=Decimal("40"), unit="מתנדבים", kind=FlowKind.PLEDGE)
    _flow(p, ms[3], ResourceType.MANAGERIAL_KNOWHOW, description="חונכות מנהלים", kind=FlowKind.PLEDGE)
    _flow(p, ms[4], ResourceType.MANPOWER, value=Decimal("12"), unit="משרות התמחות", kind=FlowKind.PLEDGE)
    _flow(
        p,
        ms[0],
        ResourceType.BUDGET,
        value=Decimal("180000"),
        unit="₪",
        kind=FlowKind.DELIVERY,
        fulfils=budget,
        approval=Approval.SUPPORT_COMMITTEE,
        approval_ref="ועדת תמיכות 2025/4",
    )
    _decisions(
        p,
        ms,
        ["אישור תוכנית עבודה שנתית", "חלוקת תקציב ההכשרות", "בחירת שכונות יעד", "הרחבת ההתמחויות"],
        start,
    )
    for i in range(4):
        Activity.objects.create(
            partnership=p,
            date=start + dt.timedelta(days=60 * (i + 1)),
            title=f"מחזור הכשרה {i + 1}",
            beneficiaries_count=rng.randint(20, 60),
            beneficiaries_description="צעירים מהשכונות",
        )
    MemberInterest.objects.create(
        member=ms[3],
        kind=MatterKind.TENDER,
        description="מכרז ניהול חשבונות העירייה",
        is_open=True,
        recusal_recorded=True,
    )

    # 2. Agreement stage: a food-security coalition whose framework is not yet signed by everyone.
    p = Partnership.objects.create(
        town=town,
        name="קואליציית ביטחון תזונתי",
        convener=welfare,
        stage="agreement",
        public_goals="שאף משפחה בעיר לא תישאר בלי מזון בסיסי",
        focus="ביטחון תזונתי",
        beneficiaries="משפחות במצוקה",
        started_on=dt.date(2026, 3, 1),
        horizon_months=24,
        meeting_cadence=Cadence.MONTHLY,
    )
    ms = _members(
        p, [welfare, third[13], business[1], third[5]], [["initiator"], ["manager"], ["partner"], ["partner"]]
    )
    doc = FrameworkDocument.objects.create(
        partnership=p, kind=DocumentKind.CHARTER, title="אמנת הקואליציה", signed_on=dt.date(2026, 6, 1)
    )
    doc.signatories.set(ms[:2])
    _flow(p, ms[0], ResourceType.BUDGET, value=Decimal("60000"), unit="₪")
    _flow(p, ms[2], ResourceType.INFRASTRUCTURE, description="מחסן קירור")
    _decisions(p, ms[:3], ["מיפוי משפחות"], dt.date(2026, 3, 1))

    # 3. Initiation: an environmental idea with little recorded yet.
    p = Partnership.objects.create(
        town=town,
        name="גינות קהילתיות בשכונות",
        convener=orgs["public"][4],
        stage="initiation",
        public_goals="להקים גינה קהילתית בכל שכונה",
        focus="סביבה וקהילה",
    )
    _members(p, [orgs["public"][4], third[15]], [["initiator"], ["partner"]])

    # 4. Donation only: a bank gives money to the authority for recognition. Not a partnership.
    p = Partnership.objects.create(
        town=town,
        name="תרומת הבנק למועדוניות",
        convener=authority,
        stage="action",
        public_goals="ציוד למועדוניות נוער",
        beneficiaries="בני נוער במועדוניות השכונתיות",
        focus="נוער",
        started_on=dt.date(2026, 1, 1),
    )
    ms = _members(p, [authority, business[0]], [["initiator"], ["partner"]])
    _flow(
        p,
        ms[1],
        ResourceType.BUDGET,
        receiver=ms[0],
        value=Decimal("100000"),
        unit="₪",
        in_return=InReturn.RECOGNITION,
        kind=FlowKind.DELIVERY,
        approval=Approval.DONATIONS_COMMITTEE,
        approval_ref="ועדת תרומות 12/2025",
    )

    # 5. Purchase of services: the authority pays a nonprofit to run a programme it specified.
    p = Partnership.objects.create(
        town=town,
        name="הפעלת מרכז הורים בשכונה",
        convener=education,
        stage="routine",
        public_goals="ליווי הורים לילדים בגיל הרך",
        beneficiaries="הורים לילדים בגיל הרך בשכונה",
        focus="גיל רך",
        started_on=dt.date(2025, 9, 1),
        horizon_months=12,
    )
    ms = _members(p, [education, third[1]], [["initiator"], ["partner"]])
    _flow(
        p,
        ms[0],
        ResourceType.BUDGET,
        receiver=ms[1],
        value=Decimal("320000"),
        unit="₪",
        in_return=InReturn.DELIVERABLE,
        kind=FlowKind.DELIVERY,
        approval=Approval.TENDER,
        approval_ref="מכרז 17/2025",
    )
    Activity.objects.create(partnership=p, date=dt.date(2025, 11, 1), title="סדנת הורים", beneficiaries_count=35)

    # 6. A one-off cooperation: a youth festival, resources pooled, no ongoing framework.
    p = Partnership.objects.create(
        town=town,
        name="פסטיבל נוער קיץ",
        convener=youth,
        stage="action",
        public_goals="אירוע קיץ לבני נוער",
        beneficiaries="בני נוער בעיר",
        focus="נוער",
        started_on=dt.date(2026, 6, 1),
        horizon_months=3,
    )
    ms = _members(p, [youth, third[3], business[9]], [["initiator", "manager"], ["partner"], ["partner"]])
    _flow(p, ms[0], ResourceType.INFRASTRUCTURE, description="פארק ובמה")
    _flow(p, ms[1], ResourceType.VOLUNTEERS, value=Decimal("25"), unit="מתנדבים")
    _decisions(p, ms[:2], ["תוכנית האירוע"], dt.date(2026, 6, 1))
    Activity.objects.create(partnership=p, date=dt.date(2026, 7, 15), title="הפסטיבל", beneficiaries_count=800)
