"""Every environment variable is declared once (nmpaa_site/env.py), read typed, and a bad
value stops start-up with one line naming it; .env.example and docs/configuration.md list
exactly the declared variables."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from nmpaa_site import env
from tests.test_settings import REPO, run_manage

GUNICORN = Path(sys.executable).with_name("gunicorn")
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "nmpaa_site.settings.production",
    "SECRET_KEY": "k" * 50,
    "ALLOWED_HOSTS": "nmpaa.org",
}


@pytest.mark.parametrize(
    ("name", "value", "refusal"),
    [
        ("PAGE_CACHE_SECONDS", "abc", "PAGE_CACHE_SECONDS must be a whole number, got 'abc'."),
        ("CONN_MAX_AGE", "-5", "CONN_MAX_AGE must be a whole number, got '-5'."),
        (
            "OUTREACH_MIN_FILL_SECONDS",
            "3s",
            "OUTREACH_MIN_FILL_SECONDS must be a number of 0 or more, got '3s'.",
        ),
        ("EMAIL_USE_TLS", "maybe", "EMAIL_USE_TLS must be true or false, got 'maybe'."),
        ("LOG_FORMAT", "xml", "LOG_FORMAT must be text or json (or empty), got 'xml'."),
        (
            "TIME_ZONE",
            "Mars/Olympus",
            "TIME_ZONE must be a time zone name like America/New_York, got 'Mars/Olympus'.",
        ),
        (
            "OUTREACH_RATE_LIMITS",
            "10/m,lots",
            "OUTREACH_RATE_LIMITS must be rates like 10/m,100/h (or off), got '10/m,lots'.",
        ),
        # A URL may hold a password: the refusal names the variable, never the value.
        (
            "REDIS_URL",
            "http://user:hunter2@cache",
            "REDIS_URL must be a URL starting redis://, rediss:// or unix://.",
        ),
        (
            "DATABASE_URL",
            "nosuchdb://user:hunter2@db/x",
            "DATABASE_URL is not a database URL we can use",
        ),
    ],
)
def test_a_bad_value_is_refused_in_one_line_naming_the_variable(monkeypatch, name, value, refusal):
    monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit) as stopped:
        env.read(name)
    message = str(stopped.value.code)
    assert message.startswith(f"nmpaa: {refusal}")
    assert "\n" not in message
    assert "hunter2" not in message


def test_a_blank_value_counts_as_unset_and_good_values_are_typed(monkeypatch):
    monkeypatch.setenv("PAGE_CACHE_SECONDS", " ")
    monkeypatch.setenv("EMAIL_USE_TLS", "yes")
    monkeypatch.setenv("ALLOWED_HOSTS", " nmpaa.org, www.nmpaa.org ,")
    monkeypatch.setenv("FRONTEND_CACHE", "CloudFlare")
    assert env.read("PAGE_CACHE_SECONDS") == 3600
    assert env.read("EMAIL_USE_TLS") is True
    assert env.read("ALLOWED_HOSTS") == ["nmpaa.org", "www.nmpaa.org"]
    assert env.read("FRONTEND_CACHE") == "cloudflare"


def test_manage_py_stops_on_a_bad_value_in_one_line():
    result = run_manage({"PAGE_CACHE_SECONDS": "abc"}, "check")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "nmpaa: PAGE_CACHE_SECONDS must be a whole number, got 'abc'."
    ]


def run_gunicorn(**env_overrides):
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "HTTPS"}}
    environment.update(PRODUCTION, HOST="127.0.0.1", PORT="1", **env_overrides)
    return subprocess.run(
        [str(GUNICORN), "-c", "nmpaa_site/gunicorn.conf.py"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "name",
    [
        "GUNICORN_THREADS",  # read by gunicorn.conf.py itself
        "PAGE_CACHE_SECONDS",  # read by the settings, which the master loads before it forks
    ],
)
def test_gunicorn_stops_on_a_bad_value_in_one_line(name):
    result = run_gunicorn(**{name: "abc"})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line == f"nmpaa: {name} must be a whole number, got 'abc'."


@pytest.mark.parametrize("name", env.REQUIRED_IN_PRODUCTION)
def test_production_refuses_to_start_without_each_required_variable(name):
    result = run_manage(PRODUCTION | {name: ""}, "check")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"nmpaa: {name} is not set; production refuses to start without it."
    ]


def test_env_example_lists_exactly_the_declared_variables_with_their_meaning():
    lines = (REPO / ".env.example").read_text().splitlines()
    listed = []
    for number, line in enumerate(lines):
        if line and not line.startswith("#"):
            name = line.split("=", 1)[0]
            listed.append(name)
            assert lines[number - 1] == f"# {env.DECLARED[name].meaning}", name
    assert listed == [variable.name for variable in env.VARIABLES]


def test_every_example_value_is_accepted(monkeypatch):
    for line in (REPO / ".env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            name, value = line.split("=", 1)
            monkeypatch.setenv(name, value)
    env.check()  # would stop on any example that does not fit its type


def documented_default(variable):
    default = variable.default
    if default is None:
        return "unset"
    if isinstance(default, bool):
        return "`true`" if default else "`false`"
    if isinstance(default, list):
        default = ",".join(default)
    return f"`{default}`" if default != "" else "empty"


def documented_row(variable):
    kind = variable.type + (f" ({', '.join(variable.allowed)})" if variable.allowed else "")
    production = "yes" if variable.production else "no"
    cells = [f"`{variable.name}`", kind, documented_default(variable), production]
    return "| " + " | ".join([*cells, variable.meaning]) + " |"


def test_configuration_document_lists_exactly_the_declared_variables():
    text = (REPO / "docs" / "configuration.md").read_text()
    rows = [line for line in text.splitlines() if re.match(r"\| `[A-Z0-9_]+` \|", line)]
    assert rows == [documented_row(variable) for variable in env.VARIABLES]


def test_nothing_but_env_py_reads_the_environment():
    reads = re.compile(r"os\.environ\.get\(|os\.getenv\(|os\.environ\[")
    sources = [
        path
        for folder in ("nmpaa_site", "pages", "outreach")
        for path in (REPO / folder).rglob("*.py")
        if path.name != "env.py"
    ]
    assert [str(path) for path in sources if reads.search(path.read_text())] == []
