"""/api/v1/partnerships/{id}/...: the workspace's reads (charter, readiness, work plan, health-survey results),
behind the partnership's gate. Health-survey results are aggregates under the same small-group rule as the page
(a group under three answers shows no figure), and carry no answer, name or comment."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router

from shutafut.partnerships.access import access_partnership
from shutafut.workspace import selectors

router = Router(tags=["partnership workspace"])


def _score(result: Any) -> dict[str, Any]:
    return {
        "n": result.n,
        "mean": result.mean,
        "band": str(result.band) if result.band is not None else None,
        "suppressed": result.suppressed,
    }


@router.get("/{int:partnership_id}/charter", response=dict[str, Any])
def get_charter(request: HttpRequest, partnership_id: int) -> Any:
    """The current version of the expectations charter: each member's roles, named representative, items and
    approval; and the mismatches found between what members expect and what others offer."""
    view = selectors.charter_view(access_partnership(request.user, partnership_id))
    return {
        "version": view.charter.version if view.charter is not None else None,
        "approved_by_all": view.approved_by_all,
        "members": [
            {
                "member": row["member"].pk,
                "organization": row["member"].organization.name,
                "roles": list(row["member"].roles or []),
                "representative_name": row["entry"].representative_name if row["entry"] else "",
                "approved": row["approval"] is not None,
                "items": [
                    {"column": column.value, "text": label, "resource_type": item.resource_type}
                    for column, _label, items in row["columns"]
                    for item, label in items
                ],
            }
            for row in view.rows
        ],
        "mismatches": view.mismatches,
    }


@router.get("/{int:partnership_id}/readiness", response=dict[str, Any])
def get_readiness(request: HttpRequest, partnership_id: int) -> Any:
    """The latest readiness and justification assessment (0–3 each) and whether each passes its go rule."""
    latest = selectors.readiness_latest(access_partnership(request.user, partnership_id))
    if latest is None:
        return {"assessed": False, "readiness_passes": None, "justification_passes": None, "scores": {}}
    names = ("political", "organizational", "community", "contribution", "scope", "innovation")
    return {
        "assessed": True,
        "assessed_at": latest.assessed_at,
        "readiness_passes": selectors.readiness_go(latest),
        "justification_passes": selectors.justification_go(latest),
        "scores": {name: getattr(latest, name) for name in names},
    }


@router.get("/{int:partnership_id}/plan", response=dict[str, Any])
def get_plan(request: HttpRequest, partnership_id: int) -> Any:
    """The work plan: goals, their milestones and tasks, and the progress rolled up by weight (0–1)."""
    plan = selectors.plan(access_partnership(request.user, partnership_id))
    return {
        "progress": plan["progress"],
        "goals": [
            {
                "id": g["goal"].pk,
                "title": g["goal"].title,
                "indicator": g["goal"].indicator,
                "baseline": g["goal"].baseline,
                "target": g["goal"].target,
                "unit": g["goal"].unit,
                "weight": g["goal"].weight,
                "progress": g["progress"],
                "values": [{"date": v.date, "value": v.value} for v in g["values"]],
                "milestones": [
                    {
                        "id": m["milestone"].pk,
                        "title": m["milestone"].title,
                        "due": m["milestone"].due,
                        "progress": m["progress"],
                        "tasks": [
                            {
                                "id": t.pk,
                                "title": t.title,
                                "owner": t.owner_id,
                                "due": t.due,
                                "weight": t.weight,
                                "progress": t.progress,
                            }
                            for t in m["tasks"]
                        ],
                    }
                    for m in g["milestones"]
                ],
            }
            for g in plan["goals"]
        ],
    }


@router.get("/{int:partnership_id}/health-surveys", response=list[dict[str, Any]])
def list_health_surveys(request: HttpRequest, partnership_id: int) -> Any:
    """The partnership's health surveys: status and how many were invited and answered."""
    partnership = access_partnership(request.user, partnership_id)
    return [
        {
            "id": s.pk,
            "title": s.title,
            "status": s.status,
            "invited": s.invitations.values("person").distinct().count(),
            "answered": s.responses.count(),
        }
        for s in selectors.surveys_of(partnership)
    ]


@router.get("/{int:partnership_id}/health-surveys/{int:survey_id}/results", response=dict[str, Any])
def get_health_results(request: HttpRequest, partnership_id: int, survey_id: int) -> Any:
    """The survey's results as the results page shows them: means and bands per principle and for trust, and the
    response rate. A group under ``min_group`` answers shows no mean (``suppressed``). No answer, name or comment."""
    partnership = access_partnership(request.user, partnership_id)
    survey = selectors.surveys_of(partnership).filter(pk=survey_id).first()
    if survey is None:
        raise Http404
    results = selectors.survey_results(survey)
    return {
        "survey": survey.pk,
        "status": survey.status,
        "n": results["n"],
        "min_group": results["min_group"],
        "invited": results["invited"],
        "answered": results["answered"],
        "rate": results["rate"],
        "principles": [{"principle": str(p["principle"]), **_score(p["result"])} for p in results["principles"]],
        "trust": _score(results["trust"]),
    }
