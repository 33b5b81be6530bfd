from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "shutafut.audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from shutafut.audit.signals import connect

        connect()
