"""The static files survive production's collectstatic: every reference inside them (CSS url(), a JavaScript
source map) names a file that is shipped. One broken reference stops collectstatic, and then, with DEBUG off,
every page answers 500."""

from __future__ import annotations

import io

from django.core.management import call_command
from django.test import override_settings

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Production's storage hashes the same way, then compresses (slow, and the serve test does it for real).
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}


def test_production_collectstatic_hashes_every_static_file_and_the_references_inside_them(tmp_path):
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=PRODUCTION_STORAGES):
        call_command("collectstatic", interactive=False, verbosity=0, stdout=io.StringIO())
    manifest = (tmp_path / "staticfiles.json").read_text(encoding="utf-8")
    assert '"css/app.css": "css/app.' in manifest and '"vendor/chart.umd.min.js": "vendor/chart.umd.min.' in manifest
