"""Static files in production: WhiteNoise's hashed, compressed files, with a brotli level that a deploy can afford.

WhiteNoise compresses every file with brotli at its highest level (11): on these 2-core machines that took about
a minute and a half for the admin's and the API docs' large bundles. Level 6 takes half a second for the same
files and makes them about 10 % larger than level 11 (still about a quarter of their size); source maps, which
only a browser's developer tools fetch, are not compressed at all.
"""

from __future__ import annotations

from typing import Any

from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage

BROTLI_QUALITY = 6


class _Compressor(Compressor):  # type: ignore[misc]
    @staticmethod
    def compress_brotli(data: bytes) -> bytes:
        import brotli

        compressed: bytes = brotli.compress(data, quality=BROTLI_QUALITY)
        return compressed


class CompressedManifestStorage(CompressedManifestStaticFilesStorage):  # type: ignore[misc]
    def create_compressor(self, **kwargs: Any) -> Compressor:
        if kwargs.get("extensions") is None:  # WHITENOISE_SKIP_COMPRESS_EXTENSIONS, when set, wins
            kwargs["extensions"] = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")
        return _Compressor(**kwargs)
