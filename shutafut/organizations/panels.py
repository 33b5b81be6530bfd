"""The panels of the organization page that other apps contribute (see ``shutafut.lib.panels``): its ties on the
ladder (relationships) and the partnerships it is a member of.

An app adds its panel in its ``AppConfig.ready``: ``ORGANIZATION_PANELS.register(Panel(...))``.
"""

from __future__ import annotations

from shutafut.lib.panels import Panels
from shutafut.organizations.models import Organization

ORGANIZATION_PANELS: Panels[Organization] = Panels()
