"""The history of a partnership's diagnosis: one row each time its rung, status or exclusion changes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from shutafut.diagnosis.engine.results import EXCLUSION_NAMES, Exclusion
from shutafut.lib.choices import Labels
from shutafut.model.ladder import Rung
from shutafut.partnerships.models import Partnership


class DiagnosisSnapshot(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="diagnoses")
    computed_at = models.DateTimeField(_("computed at"), auto_now_add=True)
    rung = models.PositiveSmallIntegerField(_("rung"), choices=Labels(Rung))
    is_partnership = models.BooleanField(_("is a partnership"))
    exclusion = models.CharField(_("exclusion"), max_length=40, blank=True)
    tests = models.JSONField(_("tests"), default=dict, help_text=_("The status of each test, by code."))

    class Meta:
        verbose_name = _("diagnosis")
        verbose_name_plural = _("diagnoses")
        ordering = ["-computed_at", "-pk"]
        get_latest_by = ["computed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.partnership}: {self.get_rung_display()}"

    @property
    def exclusion_label(self) -> str:
        """The exclusion's name in the active language ("" when none)."""
        if not self.exclusion:
            return ""
        return EXCLUSION_NAMES[Exclusion(self.exclusion)].in_lang(get_language() or "he")
