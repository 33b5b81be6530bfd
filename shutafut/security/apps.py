from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "shutafut.security"
    verbose_name = _("Security")

    def ready(self) -> None:
        from shutafut.security import checks  # noqa: F401  (registers the system checks)
