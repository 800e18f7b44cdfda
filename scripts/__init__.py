"""Scripts that drive the site from outside: python -m scripts.NAME (see docs/scripts.md)."""
