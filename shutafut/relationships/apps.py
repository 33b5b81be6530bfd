from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelationshipsConfig(AppConfig):
    name = "shutafut.relationships"
    verbose_name = _("Relationships")

    def ready(self) -> None:
        from shutafut.relationships.wiring import connect  # the models are loaded only now

        connect()
