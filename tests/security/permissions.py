"""The permissions matrix: for every URL pattern and API operation, the expected status for every role.

Adding a page or an API operation means adding ONE line below (the matrix test prints the missing lines ready to
paste). docs/permissions.md is generated from this file:  .tools/bin/uv run python -m tests.security.permissions

POST-only URLs are sent an empty POST (``action`` rows), so that their gates are exercised too.

Roles: anonymous; respondent (no account, holds a personal survey link: the real token for rows with a ``token``
argument, and is otherwise anonymous); viewer, member, coordinator of town A; the coordinator of town B asking for
town A's records; a superuser. ``member`` has the member role but represents no organization of the records asked
for; ``representative`` has the member role and represents the city, the convener and member of the partnership and
a side of the relationship (a partner's representative: issue 11). A member writes only what an organization they
represent is party to: anything else answers the 404 of a missing record. Pages are requested with GET (a write
page's form has the same gate as its POST); API writes are sent with a valid body. 302 means "sent to the login page".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ROLES = (
    "anonymous",
    "respondent",
    "viewer",
    "member",
    "representative",
    "coordinator",
    "other_coordinator",
    "superuser",
)


def _profile(*codes: int) -> dict[str, int]:
    return dict(zip(ROLES, codes, strict=True))


#                anon  resp  view  memb  repr  coord other super
PUBLIC = _profile(200, 200, 200, 200, 200, 200, 200, 200)
LOGGED_IN = _profile(302, 302, 200, 200, 200, 200, 200, 200)
TOWN_READ = _profile(302, 302, 200, 200, 200, 200, 404, 200)
TOWN_MEMBER = _profile(302, 302, 403, 200, 200, 200, 404, 200)
TOWN_COORDINATOR = _profile(302, 302, 403, 403, 403, 200, 404, 200)
NOT_FOUND = _profile(404, 404, 404, 404, 404, 404, 404, 404)
STAFF_ONLY = _profile(302, 302, 302, 302, 302, 302, 302, 200)
METHOD_NOT_ALLOWED = _profile(405, 405, 405, 405, 405, 405, 405, 405)
# Respondent pages (/s/<token>/...): give the token argument the value "survey_token", e.g.
#   page("survey-respond", SURVEY_LINK, token="survey_token"). Only the link's holder gets in; an invalid token is
#   the same answer for everyone else.
SURVEY_LINK = _profile(404, 200, 404, 404, 404, 404, 404, 404)
NATIONAL_ONLY = _profile(302, 302, 403, 403, 403, 403, 403, 200)
# POST-only actions sent an empty POST: an allowed role is sent back to the page (302) with the form's errors.
POST_MEMBER = _profile(302, 302, 403, 302, 302, 302, 404, 302)
POST_COORDINATOR = _profile(302, 302, 403, 403, 403, 302, 404, 302)
# The workspace's writes show their page again with the form's errors (400) instead of sending the user back.
PAGE_POST_MEMBER = _profile(302, 302, 403, 400, 400, 400, 404, 400)
PAGE_POST_COORDINATOR = _profile(302, 302, 403, 403, 403, 400, 404, 400)
# POST-only actions that start a background job: an allowed role is sent on to the job's status page (302).
POST_READ = _profile(302, 302, 302, 302, 302, 302, 404, 302)
API_READ = _profile(401, 401, 200, 200, 200, 200, 404, 200)
API_CREATE_MEMBER = _profile(401, 401, 403, 201, 201, 201, 404, 201)
API_CREATE_COORDINATOR = _profile(401, 401, 403, 403, 403, 201, 404, 201)
API_WRITE_MEMBER = _profile(401, 401, 403, 200, 200, 200, 404, 200)
# Writes to a record of one organization's, a tie's or a partnership's: only a member who represents a party to it
# (or the coordinator); any other member gets the 404 of a missing record.
PARTY_MEMBER = _profile(302, 302, 403, 404, 200, 200, 404, 200)
POST_PARTY = _profile(302, 302, 403, 404, 302, 302, 404, 302)
PAGE_POST_PARTY = _profile(302, 302, 403, 404, 400, 400, 404, 400)
API_WRITE_PARTY = _profile(401, 401, 403, 404, 200, 200, 404, 200)
API_CREATE_PARTY = _profile(401, 401, 403, 404, 201, 201, 404, 201)


@dataclass(frozen=True)
class Row:
    """One URL name (pages) or one "METHOD /path" (API operations) and its expected status per role.

    ``kwargs`` maps URL arguments to fixture records (``town`` defaults to town A's slug; ``pk`` to the record of
    the URL's area); ``query`` and ``body`` are sent as they are, with ``{role}`` replaced by the role's name.
    """

    key: str
    expected: dict[str, int]
    kwargs: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] | None = None
    note: str = ""
    method: str = "GET"


def page(url_name: str, expected: dict[str, int], /, note: str = "", **kwargs: str) -> Row:
    return Row(url_name, expected, kwargs=kwargs, note=note)


def action(url_name: str, expected: dict[str, int], /, note: str = "", **kwargs: str) -> Row:
    """A POST-only URL, sent an empty POST: the gates answer before the form is read."""
    return Row(url_name, expected, kwargs=kwargs, note=note or "POST", method="POST")


def api(key: str, expected: dict[str, int], body: dict[str, Any] | None = None, note: str = "", **query: str) -> Row:
    return Row(key, expected, query=query, body=body, note=note)


ORG_BODY = {"town": "town-a", "name": "ארגון {role}", "sector": "third", "subtype": "nonprofit", "legal_form": "amuta"}

ROWS: list[Row] = [
    # --- accounts, language, admin -------------------------------------------------------------------------------
    page("login", PUBLIC),
    page("logout", METHOD_NOT_ALLOWED, note="POST only"),
    page("password_change", LOGGED_IN),
    page("password_change_done", LOGGED_IN),
    page("password_reset", PUBLIC),
    page("password_reset_done", PUBLIC),
    page("password_reset_confirm", PUBLIC, note="an invalid link says so", uidb64="x", token="bad-token"),
    page("password_reset_complete", PUBLIC),
    page("set_language", _profile(302, 302, 302, 302, 302, 302, 302, 302), note="redirects back"),
    page("api-tokens", LOGGED_IN, note="one's own tokens, in the towns one has a role in"),
    action(
        "api-token-revoke",
        _profile(302, 302, 404, 302, 404, 302, 404, 302),
        note="POST; the member's token: its owner or the town's coordinator",
        pk="api_token",
    ),
    page("admin:*", STAFF_ONLY, note="every admin page; checked on admin:index"),
    # --- guide and dashboard -------------------------------------------------------------------------------------
    page("home", _profile(302, 302, 302, 302, 302, 302, 302, 200), note="one town: to its dashboard"),
    page("guide", PUBLIC),
    page("guide-ladder", PUBLIC),
    page("guide-principles", PUBLIC),
    page("guide-sectors", PUBLIC),
    page("guide-lifecycle", PUBLIC),
    page("dashboard", TOWN_READ),
    page("town-sectors", TOWN_READ),
    page("town-sector-settings", TOWN_COORDINATOR),
    # --- organizations -------------------------------------------------------------------------------------------
    page("organization-list", TOWN_READ),
    page("organization-create", TOWN_MEMBER),
    page("organization-suggest", TOWN_READ, note="the picker's suggestions (JSON) in a large town"),
    page("organization-detail", TOWN_READ, pk="city"),
    page("organization-edit", PARTY_MEMBER, pk="city"),
    page(
        "organization-delete",
        _profile(302, 302, 403, 404, 404, 200, 404, 200),
        note="asks first; POST deletes; the representative represents the city, not this organization",
        pk="ngo",
    ),
    page("person-create", PARTY_MEMBER, pk="city"),
    page("person-edit", PARTY_MEMBER, pk="city", person="a_person"),
    page("person-delete", PARTY_MEMBER, note="asks first; POST deletes", pk="city", person="a_person"),
    # --- relationships -------------------------------------------------------------------------------------------
    page("relationship-list", TOWN_READ),
    page("relationship-create", TOWN_MEMBER),
    page("relationship-detail", TOWN_READ, pk="relationship"),
    page("relationship-edit", PARTY_MEMBER, pk="relationship"),
    page("relationship-delete", PARTY_MEMBER, note="asks first; POST deletes", pk="relationship"),
    # --- partnerships --------------------------------------------------------------------------------------------
    page("partnership-list", TOWN_READ),
    page("partnership-create", TOWN_COORDINATOR),
    page("partnership-detail", TOWN_READ, pk="partnership"),
    page("partnership-edit", PARTY_MEMBER, pk="partnership"),
    page("partnership-part-create", PARTY_MEMBER, pk="partnership", part="decision"),
    # --- guided diagnosis ----------------------------------------------------------------------------------------
    page("guided-diagnosis", TOWN_MEMBER),
    action("guided-preview", TOWN_MEMBER, note="POST; diagnoses the answers, writes nothing"),
    action("guided-export", _profile(302, 302, 403, 400, 400, 400, 404, 400), note="POST; no answers yet: bad request"),
    action("guided-save", _profile(302, 302, 403, 403, 403, 400, 404, 400), note="POST; no answers yet: bad request"),
    action("diagnosis-answer", PARTY_MEMBER, note="POST; no answer: asked again", pk="partnership", ask="cadence"),
    page("partnership-part-edit", PARTY_MEMBER, pk="partnership", part="member", item="a_member"),
    page(
        "partnership-part-delete",
        PARTY_MEMBER,
        note="asks first; POST deletes",
        pk="partnership",
        part="member",
        item="a_member",
    ),
    # --- relationship map ----------------------------------------------------------------------------------------
    page("network-map", TOWN_READ),
    page("network-map-data", TOWN_READ),
    page("network-compare", TOWN_READ),
    page("network-export-graphml", TOWN_READ),
    page("network-export-gexf", TOWN_READ),
    page("network-export-nodes-csv", TOWN_READ),
    page("network-export-ties-csv", TOWN_READ),
    page("network-export-xlsx", TOWN_READ),
    # --- relationship survey waves -------------------------------------------------------------------------------
    page("survey-wave-list", TOWN_READ),
    page("survey-wave-create", TOWN_COORDINATOR),
    page("survey-wave-detail", TOWN_READ, pk="wave"),
    page("survey-wave-edit", TOWN_COORDINATOR, pk="wave"),
    page("survey-wave-roster", TOWN_COORDINATOR, pk="wave"),
    action("survey-wave-add-respondent", POST_COORDINATOR, pk="wave"),
    action("survey-wave-open", POST_COORDINATOR, note="POST; then the links page", pk="wave"),
    action("survey-wave-close", POST_COORDINATOR, pk="wave"),
    page("survey-wave-links", TOWN_COORDINATOR, note="every respondent's link: no-store", pk="wave"),
    page("survey-wave-links-csv", TOWN_COORDINATOR, pk="wave"),
    action("survey-wave-remind", POST_COORDINATOR, note="e-mails go out as a task", pk="wave"),
    action("survey-link-resend", POST_COORDINATOR, note="POST; then the links page", pk="wave", link="link"),
    action("survey-link-revoke", POST_COORDINATOR, pk="wave", link="link"),
    page("survey-respond", SURVEY_LINK, token="survey_token"),
    action(
        "survey-answer",
        _profile(404, 400, 404, 404, 404, 404, 404, 404),
        note="POST; an empty answer is a 400",
        token="survey_token",
    ),
    action(
        "survey-finish",
        _profile(404, 302, 404, 404, 404, 404, 404, 404),
        note="POST; the respondent is sent back to the form",
        token="survey_token",
    ),
    # --- partnership workspace -----------------------------------------------------------------------------------
    page("ws-home", TOWN_READ, pk="partnership"),
    action("ws-stage-move", PAGE_POST_COORDINATOR, pk="partnership"),
    page("ws-end", TOWN_COORDINATOR, note="asks first; POST ends the partnership", pk="partnership"),
    page("ws-reopen", TOWN_COORDINATOR, note="a reason is required; POST reopens", pk="partnership"),
    page("ws-charter", TOWN_READ, pk="partnership"),
    page("ws-charter-print", TOWN_READ, pk="partnership"),
    action("ws-charter-item", PAGE_POST_PARTY, pk="partnership"),
    action(
        "ws-charter-item-remove",
        _profile(302, 302, 403, 404, 302, 404, 404, 404),
        note="POST; the member is party to nothing (404); the representative represents the item's member and "
        "removes it, so the coordinator's and the superuser's requests find it gone",
        pk="partnership",
        item="charter_item",
    ),
    action("ws-charter-entry", PAGE_POST_PARTY, pk="partnership"),
    action("ws-charter-prefill", PAGE_POST_PARTY, pk="partnership"),
    action("ws-charter-approve", PAGE_POST_PARTY, pk="partnership"),
    action("ws-representative-add", PAGE_POST_COORDINATOR, pk="partnership"),
    page("ws-vision", TOWN_READ, pk="partnership"),
    action("ws-vision-save", PAGE_POST_PARTY, pk="partnership"),
    action("ws-vision-endorse", PAGE_POST_PARTY, pk="partnership"),
    action("ws-focus", PAGE_POST_PARTY, pk="partnership"),
    page("ws-readiness", TOWN_READ, pk="partnership"),
    action("ws-readiness-record", PAGE_POST_PARTY, pk="partnership"),
    page("ws-culture", TOWN_READ, pk="partnership"),
    action("ws-culture-save", PAGE_POST_PARTY, pk="partnership"),
    action("ws-norm-add", PAGE_POST_PARTY, pk="partnership"),
    page("ws-norm-delete", PARTY_MEMBER, note="asks first; POST deletes", pk="partnership", norm="a_norm"),
    page("ws-plan", TOWN_READ, pk="partnership"),
    action("ws-plan-add", PAGE_POST_PARTY, pk="partnership", kind="goal"),
    action("ws-task-progress", PAGE_POST_PARTY, pk="partnership", task="task"),
    page("ws-plan-edit", PARTY_MEMBER, pk="partnership", kind="goal", item="a_goal"),
    page("ws-plan-delete", PARTY_MEMBER, note="asks first; POST deletes", pk="partnership", kind="goal", item="a_goal"),
    page("ws-health", TOWN_READ, pk="partnership"),
    action("ws-survey-create", PAGE_POST_COORDINATOR, pk="partnership"),
    page("ws-results", TOWN_READ, pk="partnership", survey="health_survey"),
    page(
        "ws-survey-close",
        TOWN_COORDINATOR,
        note="asks first; the POST is ws-survey-action",
        pk="partnership",
        survey="health_survey",
    ),
    action(
        "ws-survey-action",
        _profile(302, 302, 403, 403, 403, 302, 404, 400),
        note="POST; the coordinator's request closes the survey, so the superuser's is refused on the page",
        pk="partnership",
        survey="health_survey",
        action="close",
    ),
    page(
        "ws-survey-links",
        TOWN_COORDINATOR,
        note="every invited person's link: no-store",
        pk="partnership",
        survey="health_survey",
    ),
    page("ws-survey-links-csv", TOWN_COORDINATOR, pk="partnership", survey="health_survey"),
    action(
        "ws-survey-reissue",
        POST_COORDINATOR,
        note="POST; then the links page",
        pk="partnership",
        survey="health_survey",
        invitation="health_invitation",
    ),
    page("health-respond", SURVEY_LINK, token="health_token"),
    page("ws-outcomes", TOWN_READ, pk="partnership"),
    action(
        "ws-outcomes-save",
        _profile(302, 302, 403, 404, 302, 302, 404, 302),
        note="POST; an empty form records no outcome: the member is party to nothing (404); saved for the "
        "representative and the coordinator",
        pk="partnership",
    ),
    action("ws-contribution", PAGE_POST_PARTY, pk="partnership"),
    action("ws-success", PAGE_POST_PARTY, pk="partnership"),
    # --- reports, public pages, national view --------------------------------------------------------------------
    page("report-town", TOWN_READ),
    action("report-town-pdf", POST_READ, note="POST; starts a job, then its status page"),
    page("report-partnership", TOWN_READ, pk="partnership"),
    action("report-partnership-pdf", POST_READ, note="POST; starts a job, then its status page", pk="partnership"),
    page("report-export", TOWN_READ, name="organizations", fmt="csv"),
    page("report-import", TOWN_COORDINATOR),
    page(
        "public-preview",
        PARTY_MEMBER,
        note="the public page as the public sees it, with the publish switch (POST): the coordinator and the "
        "convener's representative",
        pk="partnership",
    ),
    page("report-import-template", TOWN_COORDINATOR, kind="organizations", fmt="csv"),
    page("public-partnership", PUBLIC, pk="public_partnership", note="only partnerships the convener made public"),
    page("national", NATIONAL_ONLY, note="the 'national' group: aggregates across towns only"),
    # --- background jobs (a job asks for a role: this one, a town PDF, for viewers) ---------------------------------
    page("job-detail", TOWN_READ, pk="job"),
    page("job-status", TOWN_READ, pk="job"),
    page("job-file", TOWN_READ, pk="job", note="the file the job made"),
    # --- audit ---------------------------------------------------------------------------------------------------
    page("audit-list", TOWN_COORDINATOR),
    page("town-api-tokens", TOWN_COORDINATOR),
    # --- API v1 --------------------------------------------------------------------------------------------------
    page("api-v1:openapi-json", PUBLIC),
    page("api-v1:openapi-view", PUBLIC),
    page("api-v1:api-root", NOT_FOUND, note="no index at /api/v1/"),
    api("GET /api/v1/organizations", API_READ, town="town-a"),
    api("POST /api/v1/organizations", API_CREATE_MEMBER, body=ORG_BODY),
    api("GET /api/v1/organizations/{organization_id}", API_READ),
    api("PATCH /api/v1/organizations/{organization_id}", API_WRITE_PARTY, body={"locality": "{role}"}),
    api("GET /api/v1/relationships", API_READ, town="town-a"),
    api(
        "POST /api/v1/relationships",
        API_CREATE_PARTY,
        note="a member records a tie of an organization they represent",
        body={"town": "town-a", "org_a": "{city}", "org_b": "{ngo}", "rung": 2, "observed_on": "2026-02-01"},
    ),
    api("GET /api/v1/relationships/{relationship_id}", API_READ),
    api("PATCH /api/v1/relationships/{relationship_id}", API_WRITE_PARTY, body={"notes": "{role}"}),
    api("GET /api/v1/partnerships", API_READ, town="town-a"),
    api("POST /api/v1/partnerships", API_CREATE_COORDINATOR, body={"town": "town-a", "name": "שותפות {role}"}),
    api("GET /api/v1/partnerships/{partnership_id}", API_READ),
    api("PATCH /api/v1/partnerships/{partnership_id}", API_WRITE_PARTY, body={"description": "{role}"}),
    api("GET /api/v1/partnerships/{partnership_id}/diagnosis", API_READ),
    api("GET /api/v1/partnerships/{partnership_id}/charter", API_READ),
    api("GET /api/v1/partnerships/{partnership_id}/readiness", API_READ),
    api("GET /api/v1/partnerships/{partnership_id}/plan", API_READ),
    api("GET /api/v1/partnerships/{partnership_id}/health-surveys", API_READ),
    api("GET /api/v1/partnerships/{partnership_id}/health-surveys/{survey_id}/results", API_READ),
    api("GET /api/v1/waves", API_READ, town="town-a"),
    api("GET /api/v1/waves/{wave_id}", API_READ),
]

API_NAMESPACE = "api-v1"
# URL names that stand for the API operations above (ninja names one pattern per path), not rows of their own.


def rows_by_key() -> dict[str, Row]:
    return {row.key: row for row in ROWS}


def markdown() -> str:
    """The matrix as the table of docs/permissions.md."""
    head = "| URL name or API operation | " + " | ".join(ROLES) + " | note |"
    rule = "|---" * (len(ROLES) + 2) + "|"
    lines = [head, rule]
    for row in ROWS:
        cells = " | ".join(str(row.expected[r]) for r in ROLES)
        lines.append(f"| `{row.key}` | {cells} | {row.note} |")
    return "\n".join(lines) + "\n"


def _profile_name(expected: dict[str, int]) -> str:
    for name, value in globals().items():
        if name.isupper() and value == expected:
            return name
    return "TOWN_READ"


if __name__ == "__main__":
    import sys
    from pathlib import Path

    doc = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"
    text = doc.read_text(encoding="utf-8")
    start, end = "<!-- matrix:start -->\n", "<!-- matrix:end -->"
    before, rest = text.split(start)
    _, after = rest.split(end)
    doc.write_text(before + start + markdown() + end + after, encoding="utf-8")
    sys.stdout.write(f"{len(ROWS)} rows written to {doc}\n")
