"""The panels of the partnership page and the columns of the partnership list that other apps contribute (see
``shutafut.lib.panels``).

A feature app adds its panel in its ``AppConfig.ready``: ``PARTNERSHIP_PANELS.register(Panel(...))``, and a column
of the list with ``PARTNERSHIP_COLUMNS.register(Column(...))`` (the diagnosis adds each one's diagnosed rung).
"""

from __future__ import annotations

from shutafut.lib.panels import Columns, Panels
from shutafut.partnerships.models import Partnership

PARTNERSHIP_PANELS: Panels[Partnership] = Panels()
PARTNERSHIP_COLUMNS: Columns[Partnership] = Columns()
