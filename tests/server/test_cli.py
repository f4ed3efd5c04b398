"""The admin command line, run as a real subprocess against both backends."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mentor_desk.server.app import create_app

from .helpers import API, PASSWORD, fast_settings

FAST = {
    "MENTOR_DESK_ARGON2_TIME_COST": "1",
    "MENTOR_DESK_ARGON2_MEMORY_KIB": "64",
    "MENTOR_DESK_ARGON2_PARALLELISM": "1",
}


def cli(database_url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MENTOR_DESK_")}
    env.update(FAST)
    return subprocess.run(
        [sys.executable, "-m", "mentor_desk.server.cli", *args, "--database", database_url],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_from_nothing_to_a_logged_in_device(database_url: str, tmp_path: Path) -> None:
    made = cli(database_url, "create-organisation", "Northside Trust")
    assert made.returncode == 0, made.stderr
    user = cli(
        database_url,
        "create-user",
        "sam",
        "--role",
        "coordinator",
        "--organisation",
        "Northside Trust",
        "--name",
        "Sam Coordinator",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert user.returncode == 0, user.stderr
    assert PASSWORD not in user.stdout + user.stderr

    csv_file = tmp_path / "services.csv"
    csv_file.write_text(
        "name,organisation,pathways,phone,last_checked_on\n"
        "Hostel Line,Shelter Trust,accommodation,0800 111,2026-01-10\n"
        "Job Club,Work Trust,ete;finance,0800 222,\n"
        f"Bad Phone,Nobody,accommodation,{'1' * 50},\n"
        "Bad Pathway,Nobody,underwater_basket_weaving,,\n",
        encoding="utf-8",
    )
    imported = cli(database_url, "import-services", str(csv_file))
    assert imported.returncode == 1
    assert "row 4: phone: is too long" in imported.stderr
    assert "row 5: pathways:" in imported.stderr
    assert "Traceback" not in imported.stderr
    again = cli(database_url, "import-services", str(csv_file))
    assert "0 new" in again.stdout  # re-importing updates, never duplicates

    settings = fast_settings(database_url)
    app = create_app(settings)
    try:
        with TestClient(app) as client:
            login = client.post(
                f"{API}/auth/login",
                json={"username": "sam", "password": PASSWORD, "device_name": "office"},
            )
            assert login.status_code == 200, login.text
            headers = {"Authorization": f"Bearer {login.json()['token']}"}
            services = client.get(f"{API}/services", headers=headers).json()
            assert sorted(s["fields"]["name"] for s in services) == ["Hostel Line", "Job Club"]
            job_club = next(s for s in services if s["fields"]["name"] == "Job Club")
            assert job_club["fields"]["pathways"] == [
                "ete",
                "finance",
            ]
            device_id = login.json()["device_id"]
    finally:
        app.state.context.engine.dispose()

    devices = cli(database_url, "devices", "--user", "sam")
    assert devices.returncode == 0 and device_id in devices.stdout
    revoked = cli(database_url, "revoke-device", device_id)
    assert revoked.returncode == 0, revoked.stderr
    reset = cli(database_url, "reset-password", "sam", "--password-stdin", stdin="short\n")
    assert reset.returncode == 1 and "at least" in reset.stderr
    audit = cli(database_url, "audit", "--since", "2020-01-01")
    assert audit.returncode == 0
    assert "auth.login" in audit.stdout and "cli.revoke_device" in audit.stdout
    assert "Sam Coordinator" not in audit.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            (
                "create-user",
                "x",
                "--role",
                "mentor",
                "--organisation",
                "Nowhere",
                "--password-stdin",
            ),
            "no organisation called 'Nowhere'",
        ),
        (("create-user", "x", "--role", "mentor", "--password-stdin"), "--organisation"),
        (("reset-password", "nobody", "--password-stdin"), "no account called 'nobody'"),
        (("revoke-device", "not-a-device"), "no device with id"),
        (("import-services", "/no/such/file.csv"), "no such file"),
        (("audit", "--since", "yesterday"), "--since must be a date"),
        (("create-organisation", "   "), "name"),
    ],
)
def test_bad_input_is_a_clear_error(database_url: str, args: tuple[str, ...], message: str) -> None:
    result = cli(database_url, *args, stdin=PASSWORD + "\n")
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_csv_header_and_bad_database(tmp_path: Path, backend: str) -> None:
    csv_file = tmp_path / "services.csv"
    csv_file.write_text("name,colour\nA,red\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    result = cli(url, "import-services", str(csv_file))
    assert result.returncode == 1
    assert "unknown column(s): colour" in result.stderr
    if backend == "postgres":
        broken = cli("postgresql+psycopg://nobody@127.0.0.1:1/none", "migrate")
        assert broken.returncode == 1
        assert "database problem" in broken.stderr
        assert "Traceback" not in broken.stderr
