from __future__ import annotations

from django.contrib import admin

from shutafut.workspace import models

for model in (
    models.MemberRepresentative,
    models.Charter,
    models.ReadinessAssessment,
    models.StageTransition,
    models.HealthSurvey,
    models.Goal,
):
    admin.site.register(model)
