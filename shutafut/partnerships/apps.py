from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "shutafut.partnerships"
    verbose_name = _("Partnerships")

    def ready(self) -> None:
        from shutafut.partnerships.wiring import connect  # the models are loaded only now

        connect()
