"""The privacy rule of every survey result: no aggregate over fewer respondents than ``MIN_GROUP``.

A mean of one or two people's answers is their answer. Survey results (the health survey's scales, the
relationship survey's trust and value of an organization, a partnership report's ratings between members) are
shown from ``MIN_GROUP`` respondents up, and never per person.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

MIN_GROUP = 3
"""No aggregate (mean, count of a checklist item, breakdown) of survey answers over fewer respondents than this."""


def publishable_groups(sizes: Mapping[str, int], totals: Iterable[Collection[str]]) -> frozenset[str]:
    """Return the groups whose aggregate may be shown beside the published ``totals``.

    ``sizes`` gives each group's number of respondents; each of ``totals`` is the set of groups that one aggregate
    already shown covers (the whole survey, one sector). A group is shown from ``MIN_GROUP`` respondents up, and
    only while, inside every total, the respondents of the groups left hidden number none or ``MIN_GROUP`` and more:
    otherwise the total minus the shown groups would be the answer of one or two people, so the smallest shown
    group of that total is hidden too, until no total gives anyone away.
    """
    shown = {g for g, n in sizes.items() if n >= MIN_GROUP}
    covers = [set(total) for total in totals]
    changed = True
    while changed:
        changed = False
        for total in covers:
            rest = sum(sizes.get(g, 0) for g in total if g not in shown)
            inside = sorted((g for g in total if g in shown), key=lambda g: (sizes[g], g))
            if 0 < rest < MIN_GROUP and inside:
                shown.discard(inside[0])
                changed = True
    return frozenset(shown)
