from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    name = "shutafut.workspace"
    verbose_name = _("Partnership workspace")

    def ready(self) -> None:
        from shutafut.workspace.wiring import connect  # the models are loaded only now

        connect()
