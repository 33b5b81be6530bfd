"""The privacy rule of every survey result: no aggregate over fewer respondents than ``MIN_GROUP``.

A mean of one or two people's answers is their answer. Survey results (the health survey's scales, the
relationship survey's trust and value of an organization, a partnership report's ratings between members) are
shown from ``MIN_GROUP`` respondents up, and never per person.
"""

from __future__ import annotations

MIN_GROUP = 3
"""No aggregate (mean, count of a checklist item, breakdown) of survey answers over fewer respondents than this."""
