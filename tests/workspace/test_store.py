"""The workspace store as the app and CLI use it, on SQLite and on PostgreSQL+PostGIS."""

from __future__ import annotations

import threading

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from vigia.workspace import WorkspaceError, accounts, open_workspace
from vigia.workspace.roles import Action, Role, can


def _plan(sites: list[str], days: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"site_id": sites, "day": days, "team_id": ["T1"] * len(sites)})


def test_dataset_is_kept_and_chosen_per_user_with_default_for_everyone(db_url: str, tmp_path) -> None:
    ws = open_workspace(db_url)
    first = ws.save_dataset(b"GPKG-1", name="national", filename="national.gpkg", report={"ok": True}, user="ana")
    second = ws.save_dataset(b"GPKG-2", name="potosi", filename="potosi.gpkg", report={"ok": True}, user="ana")
    assert [d.name for d in ws.datasets()] == ["potosi", "national"]
    assert ws.current_dataset_id("ana") is None

    ws.use_dataset(first.id, "admin", for_everyone=True)
    ws.use_dataset(second.id, "ana")
    assert ws.current_dataset_id("ana") == second.id  # her own choice
    assert ws.current_dataset_id("bruno") == first.id  # everyone's default

    # a reopened store (another process, another day) says the same
    again = open_workspace(db_url)
    assert again.current_dataset_id("ana") == second.id
    path = again.dataset_file(second.id, tmp_path / "cache")
    assert path.read_bytes() == b"GPKG-2"

    again.delete_dataset(second.id, "ana")
    assert again.current_dataset_id("ana") == first.id, "a deleted choice falls back to the default"
    assert [d.name for d in again.datasets()] == ["national"]
    again.restore_dataset(second.id, "ana")
    assert again.current_dataset_id("ana") == second.id, "undo brings the choice back"


def test_empty_dataset_is_refused_with_the_file_name(db_url: str) -> None:
    ws = open_workspace(db_url)
    with pytest.raises(WorkspaceError, match=r"empty\.gpkg: the file is empty"):
        ws.save_dataset(b"", name="empty", filename="empty.gpkg", report={}, user="ana")


def test_replan_is_a_new_version_that_keeps_the_old_and_can_be_compared(db_url: str) -> None:
    ws = open_workspace(db_url)
    v1 = ws.save_item("inspection_plan", "Potosí, two weeks", user="chief", tables={"visits": _plan(["a", "b"], [1, 2])},
                      params={"days": 10, "seed": 1})
    v2 = ws.save_item("inspection_plan", "Potosí, two weeks", user="chief",
                      tables={"visits": _plan(["a", "c"], [1, 3])}, params={"days": 10, "seed": 2}, replaces=v1.id)
    assert (v1.version, v2.version) == (1, 2) and v1.series == v2.series
    assert [r.version for r in ws.versions(v2.id)] == [1, 2]
    pd.testing.assert_frame_equal(ws.table(v1.id, "visits"), _plan(["a", "b"], [1, 2]))

    diff = ws.compare(v1.id, v2.id)
    assert diff.params == {"seed": (1, 2)}
    visits = diff.tables["visits"]
    assert visits.removed["site_id"].tolist() == ["b"] and visits.added["site_id"].tolist() == ["c"]
    assert visits.changed.empty


def test_geometry_tables_and_files_round_trip(db_url: str) -> None:
    ws = open_workspace(db_url)
    scores = gpd.GeoDataFrame({"area_id": ["01", "02"], "score": [80.5, 20.0]},
                              geometry=[Point(-68.1, -16.5), Point(-65.3, -19.0)], crs="EPSG:4326")
    run = ws.save_item("score_run", "balanced", user="ana", tables={"area_scores": scores},
                       files={"report.xlsx": ("application/vnd.ms-excel", b"XLSX")}, params={"seed": 0})
    back = ws.table(run.id, "area_scores")
    assert isinstance(back, gpd.GeoDataFrame) and back.crs.to_epsg() == 4326
    assert back.geometry.equals(scores.geometry) and back["score"].tolist() == [80.5, 20.0]
    assert ws.file(run.id, "report.xlsx") == b"XLSX"
    assert ws.latest("score_run").id == run.id


def test_delete_and_undo_of_an_item(db_url: str) -> None:
    ws = open_workspace(db_url)
    roster = ws.save_item("patrol_roster", "week 49", user="police", tables={"shifts": _plan(["x"], [1])})
    ws.delete_item(roster.id, "police")
    assert ws.items("patrol_roster") == [] and ws.latest("patrol_roster") is None
    ws.restore_item(roster.id, "police")
    assert [r.id for r in ws.items("patrol_roster")] == [roster.id]


def test_every_action_lands_in_the_audit_log(db_url: str) -> None:
    ws = open_workspace(db_url)
    accounts.add_user(ws, "ana", "planner", "a long enough secret", by="root")
    assert accounts.authenticate(ws, "ana", "a long enough secret") is not None
    assert accounts.authenticate(ws, "ana", "wrong password here") is None
    data = ws.save_dataset(b"G", name="n", filename="n.gpkg", report={}, user="ana")
    ws.save_item("score_run", "run", user="ana", dataset_id=data.id, params={"seed": 3})
    ws.record("export", "ana", dataset_id=data.id, file="scores.xlsx")
    log = ws.audit_log()
    assert log["action"].tolist() == ["export", "score_run.save", "dataset.upload", "sign_in.failed",
                                      "sign_in", "user.add"]
    assert "a long enough secret" not in log.to_csv(), "passwords never reach the log"
    assert ws.audit_log(user="ana", action="sign_in")["action"].tolist() == ["sign_in.failed", "sign_in"]


def test_accounts_hash_passwords_and_disable(db_url: str) -> None:
    ws = open_workspace(db_url)
    assert not accounts.has_accounts(ws)
    accounts.add_user(ws, "capitan@policia.bo", Role.BORDER_POLICE, "ten chars!!")
    assert accounts.has_accounts(ws)
    with pytest.raises(WorkspaceError, match="already exists"):
        accounts.add_user(ws, "capitan@policia.bo", "admin", "another password")
    with pytest.raises(WorkspaceError, match="at least 10"):
        accounts.add_user(ws, "short", "admin", "123")
    with pytest.raises(ValueError, match="unknown role"):
        accounts.add_user(ws, "x", "king", "ten chars!!")
    accounts.set_disabled(ws, "capitan@policia.bo")
    assert accounts.authenticate(ws, "capitan@policia.bo", "ten chars!!") is None
    accounts.set_disabled(ws, "capitan@policia.bo", False)
    assert accounts.authenticate(ws, "capitan@policia.bo", "ten chars!!").role is Role.BORDER_POLICE


def test_concurrent_saves_from_two_sessions_both_land(db_url: str) -> None:
    ws_a, ws_b = open_workspace(db_url), open_workspace(db_url)
    errors: list[BaseException] = []

    def save(ws, who: str) -> None:
        try:
            for i in range(15):
                ws.save_item("inspection_plan", f"{who}-{i}", user=who, tables={"visits": _plan([f"{who}{i}"], [1])})
        except BaseException as error:  # collected, asserted below
            errors.append(error)

    threads = [threading.Thread(target=save, args=(ws_a, "a")), threading.Thread(target=save, args=(ws_b, "b"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    names = {r.name for r in open_workspace(db_url).items("inspection_plan")}
    assert names == {f"{w}-{i}" for w in "ab" for i in range(15)}


def test_roles_follow_the_issue() -> None:
    assert not can(Role.BORDER_POLICE, Action.DOWNLOAD_INSPECTION_PLAN)
    assert can(Role.INSPECTION_CHIEF, Action.DOWNLOAD_INSPECTION_PLAN)
    assert not any(can(r, Action.MANAGE_USERS) or can(r, Action.VIEW_AUDIT) for r in Role if r is not Role.ADMIN)
    assert can(None, Action.MANAGE_USERS), "open demo mode allows everything (and says so)"
