"""A town's own settings of the guide's model: today, its list of business-sector concerns."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from shutafut.accounts.models import Town


class SectorTableSetting(models.Model):
    """One per town. ``business_concerns`` replaces the model's proposed list when it is not empty.

    Each entry is ``{"name": ..., "he": ..., "en": ...}``; the item's code is ``business.concern.<name>``.
    Entries the town removed move to ``former_concerns``, so records that name them keep their words.
    """

    town = models.OneToOneField(
        Town, on_delete=models.CASCADE, related_name="sector_table_setting", verbose_name=_("town")
    )
    business_concerns = models.JSONField(_("business-sector concerns"), default=list, blank=True)
    former_concerns = models.JSONField(_("former business-sector concerns"), default=list, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("sector table setting")
        verbose_name_plural = _("sector table settings")

    def __str__(self) -> str:
        return f"{self.town}: {len(self.business_concerns)}"
