"""What the partnerships app tells the apps above it, without importing them.

``partnership_changed`` is sent (with ``partnership=``) inside the writing transaction, after a service changed a
partnership's records: by every service of this app and by the services of apps that feed the partnership's
picture (the workspace's readiness and focus); inside a ``partnership_batch``, once, at its end. An app that keeps
something derived from the records (the diagnosis history) connects a receiver in its ``AppConfig.ready``. A
receiver that fails rolls the write back: receivers run in the same transaction and are not made robust.
"""

from __future__ import annotations

from django.dispatch import Signal

partnership_changed = Signal()
