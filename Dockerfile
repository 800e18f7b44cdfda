# The base can be swapped for a locally built equivalent where no registry is reachable
# (scripts/image_smoke.sh does that); production builds use the default.
ARG PYTHON_IMAGE=python:3.11-slim

# Build stage: install the locked dependencies into a virtualenv.
FROM ${PYTHON_IMAGE} AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /venv
COPY requirements.lock /tmp/requirements.lock
RUN /venv/bin/pip install -r /tmp/requirements.lock

# Runtime stage: the virtualenv, the code, collected static files, a non-root user.
FROM ${PYTHON_IMAGE}
ENV PATH="/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=nmpaa_site.settings.production \
    PORT=8000 \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media
# WeasyPrint (appeal posters) needs Pango and a font at run time.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
       libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 nmpaa
COPY --from=builder /venv /venv
WORKDIR /app
COPY --chown=nmpaa:nmpaa . /app
# collectstatic needs settings to import; these build-time values are not used at run time.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost python manage.py collectstatic --no-input -v0 \
    && mkdir -p /app/media && chown nmpaa:nmpaa /app/media
USER nmpaa
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz', timeout=4)"
# Migrations are a release step: docker run IMAGE python manage.py migrate
# The task worker (sign-up emails, search indexing) is a second container from this image:
# docker run IMAGE python manage.py db_worker
CMD ["gunicorn", "-c", "nmpaa_site/gunicorn.conf.py"]
