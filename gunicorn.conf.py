"""gunicorn's settings for Shutafut, read by gunicorn from the directory it starts in.

The access log writes personal survey and password-reset links without their secret (docs/security.md).
"""

logger_class = "shutafut.security.logs.GunicornLogger"
