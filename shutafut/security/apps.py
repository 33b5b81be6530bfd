from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _

from shutafut.security.bidi import on_pre_save


class SecurityConfig(AppConfig):
    name = "shutafut.security"
    verbose_name = _("Security")

    def ready(self) -> None:
        from shutafut.security import checks  # noqa: F401  (registers the system checks)

        pre_save.connect(on_pre_save, dispatch_uid="security_strip_direction_controls")
