"""The panels of the partnership page that other apps contribute (see ``shutafut.lib.panels``).

A feature app adds its panel in its ``AppConfig.ready``: ``PARTNERSHIP_PANELS.register(Panel(...))``.
"""

from __future__ import annotations

from shutafut.lib.panels import Panels
from shutafut.partnerships.models import Partnership

PARTNERSHIP_PANELS: Panels[Partnership] = Panels()
