from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiagnosisConfig(AppConfig):
    name = "shutafut.diagnosis"
    verbose_name = _("Diagnosis")

    def ready(self) -> None:
        from shutafut.diagnosis.wiring import connect  # the models are loaded only now

        connect()
