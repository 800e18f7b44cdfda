#!/bin/sh
# Build the production image without a Docker daemon (buildah, vfs storage), run its release
# step against a real PostgreSQL and check that gunicorn in it answers /healthz with 200.
#
#   DATABASE_URL=postgres://root@127.0.0.1:5432/nmpaa_image scripts/image_smoke.sh
#
# Needs buildah (Debian package) and root. Slow (a few minutes): not part of `make test`.
# Containers run with buildah's chroot isolation on the host network, so they reach the
# host's PostgreSQL; OCI runtimes (crun, runc) cannot set rlimits in every sandbox.
# When python:3.11-slim cannot be pulled (no registry reachable), a stand-in base is made
# from Debian bookworm (mmdebstrap) plus the standard library of a local CPython 3.11
# (LOCAL_PYTHON, default: the one behind .venv), laid out as in python:3.11-slim.
set -eu
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL database the image may migrate}"
PORT=${SMOKE_PORT:-8390}
IMAGE=localhost/nmpaa:smoke
BASE=python:3.11-slim
export STORAGE_DRIVER=vfs
ba() { buildah --storage-driver vfs "$@"; }

# pip inside the build must trust the same certificate authorities as this machine
# (e.g. a proxy's); these files are mounted for the build only, never copied into the image.
mounts=""
for f in /etc/ssl/certs/ca-certificates.crt /etc/pip.conf; do
    [ -f "$f" ] && mounts="$mounts -v $f:$f:ro"
done

make_local_base() {
    python=${LOCAL_PYTHON:-$(.venv/bin/python -c 'import sys; print(sys.base_prefix)')}
    work=$(mktemp -d)
    # The interpreter and its standard library only: no site-packages, no test suite.
    tar -C "$python" -cf "$work/python.tar" --exclude='lib/python3.11/site-packages/*' \
        --exclude=lib/python3.11/test --exclude=__pycache__ bin lib/libpython3.11.so.1.0 \
        lib/python3.11
    mmdebstrap --quiet --variant=minbase \
        --include=ca-certificates,libbz2-1.0,libexpat1,libffi8,liblzma5,libncursesw6,libreadline8,libsqlite3-0,libssl3,libuuid1,zlib1g,libgdbm6 \
        --customize-hook="tar -C \"\$1/usr/local\" -xf $work/python.tar && chroot \"\$1\" ldconfig" \
        bookworm "$work/rootfs.tar" http://deb.debian.org/debian \
        "deb http://deb.debian.org/debian-security bookworm-security main"
    ba import --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["python3"]' "$work/rootfs.tar" "$1" >/dev/null 2>&1 ||
        podman --storage-driver vfs import --change 'CMD ["python3"]' "$work/rootfs.tar" "$1" >/dev/null
    rm -rf "$work"
}

if ! ba pull -q "docker.io/library/$BASE" >/dev/null 2>&1; then
    BASE=localhost/nmpaa-python-base:3.11
    if ! ba inspect --type image "$BASE" >/dev/null 2>&1; then
        echo "python:3.11-slim cannot be pulled; building a stand-in base $BASE"
        make_local_base "$BASE"
    fi
fi
echo "building $IMAGE on $BASE"
# shellcheck disable=SC2086
ba bud --quiet --format docker --isolation chroot --network host --build-arg "PYTHON_IMAGE=$BASE" $mounts \
    -t "$IMAGE" . >/dev/null

# The run-time environment a deploy would pass (.env.example), at its smallest.
env_args="--env DATABASE_URL=$DATABASE_URL --env SECRET_KEY=smoke-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
    --env ALLOWED_HOSTS=127.0.0.1 --env HTTPS=false --env PORT=$PORT --env HOST=127.0.0.1
    --env WEB_CONCURRENCY=1"
web=""
container=$(ba from --quiet "$IMAGE")
cleanup() {
    status=$?
    # Chroot isolation shares this machine's process table: stop gunicorn by its pid file.
    if [ -n "$web" ]; then
        run sh -c 'kill -TERM "$(cat /tmp/gunicorn.pid)"' 2>/dev/null || true
        wait "$web" 2>/dev/null || true
    fi
    ba rm "$container" >/dev/null 2>&1 || true
    exit "$status"
}
trap cleanup EXIT
trap "exit 130" INT TERM
# shellcheck disable=SC2086
run() { ba run --isolation chroot $env_args "$container" -- "$@"; }

echo "release step: migrate"
run python manage.py migrate --no-input -v0
echo "starting gunicorn in the image on 127.0.0.1:$PORT"
run gunicorn -c nmpaa_site/gunicorn.conf.py --pid /tmp/gunicorn.pid &
web=$!

for _ in $(seq 60); do
    code=$(python3 -c "
import urllib.request, urllib.error
try:
    print(urllib.request.urlopen('http://127.0.0.1:$PORT/healthz', timeout=2).status)
except urllib.error.HTTPError as e:
    print(e.code)
except OSError:
    print(0)")
    [ "$code" != 0 ] && break
    sleep 1
done
echo "/healthz answered $code"
[ "$code" = 200 ]
