"""HTML to PDF with WeasyPrint: static files read from disk through the staticfiles finders (no HTTP to self)."""

from __future__ import annotations

from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

STATIC_PREFIX = "file:///static/"


class StaticFetcher(URLFetcher):  # type: ignore[misc]
    """Serve ``/static/…`` from the app and project static folders; allow only file and data URLs."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(allowed_protocols={"file", "data"}, **kwargs)

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url.startswith(STATIC_PREFIX):
            found = finders.find(url.removeprefix(STATIC_PREFIX).split("?")[0])
            if not found:
                raise ValueError(f"static file not found: {url}")
            path = found if isinstance(found, str) else found[0]
            url = "file://" + str(path)
        elif url.startswith("file://"):
            raise ValueError(f"only static files may be read: {url}")
        return super().fetch(url, headers)


def html_to_pdf(html: str) -> bytes:
    """Render an HTML document (links to /static/ resolved from disk) to PDF bytes."""
    pdf = HTML(string=html, base_url="file:///", url_fetcher=StaticFetcher()).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    return html_to_pdf(render_to_string(template, context))
