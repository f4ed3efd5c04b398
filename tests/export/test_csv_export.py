"""CSV exports: declared columns, no names or free text, stable pseudonyms."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from mentor_desk.export import log
from mentor_desk.export.common import ExportError
from mentor_desk.export.csv_export import COLUMNS, KINDS, pseudonymiser, write_csv
from mentor_desk.store import Store
from tests.export.conftest import Planted


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("kind", KINDS)
def test_each_export_has_its_documented_columns_and_no_private_text(
    store: Store, planted: Planted, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / f"{kind}.csv"
    n = write_csv(store, kind, out)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    assert tuple(header) == COLUMNS[kind]
    rows = _read(out)
    assert len(rows) == n > 0
    raw = out.read_text(encoding="utf-8-sig")
    for marker in planted.forbidden.values():
        assert marker not in raw
    assert "Jordan" not in raw
    docs = Path(__file__).parents[2] / "docs" / "exports.md"
    if docs.exists():
        text = docs.read_text(encoding="utf-8")
        for column in COLUMNS[kind]:
            assert f"`{column}`" in text, f"{kind}.{column} is not documented"


def test_pseudonyms_are_stable_across_files_and_hide_references(
    store: Store, planted: Planted, tmp_path: Path
) -> None:
    files = {}
    for kind in KINDS:
        files[kind] = tmp_path / f"{kind}.csv"
        write_csv(store, kind, files[kind], pseudonymise=True)
    caseload = {r["participant"] for r in _read(files["caseload"])}
    assert all(p.startswith("P-") and len(p) == 14 for p in caseload)
    for kind in KINDS:
        raw = files[kind].read_text(encoding="utf-8-sig")
        assert "TST-2026-0001" not in raw
        assert {r["participant"] for r in _read(files[kind])} <= caseload
    me = pseudonymiser(store)(planted.pid)
    assert me in caseload
    assert me in {r["participant"] for r in _read(files["check_ins"])}
    assert pseudonymiser(store)(planted.pid) == me  # the secret is kept, not remade
    assert me != pseudonymiser(store)(planted.other_pid)
    assert [r["kind"] for r in log.entries(store)][:1] == ["csv_caseload_pseudonymised"]


def test_plain_export_uses_reference(store: Store, planted: Planted, tmp_path: Path) -> None:
    out = tmp_path / "caseload.csv"
    write_csv(store, "caseload", out)
    mine = [r for r in _read(out) if r["participant"] == "TST-2026-0001"]
    assert mine and mine[0]["goals"] == "3" and mine[0]["open_referrals"] == "1"


def test_unknown_kind_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        write_csv(store, "names", tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()
