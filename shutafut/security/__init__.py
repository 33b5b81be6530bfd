"""Security mechanisms: headers and Content-Security-Policy, login throttling, rate limits, deployment checks."""
