"""The History model pages (Qt is given rows as it scrolls) and a refresh updates rows instead of resetting."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QApplication

from desktop.gui.views.history.model import PAGE, HistoryModel
from desktop.gui.views.history.state import HistoryRow


def _rows(n: int, start: int = 0) -> list[HistoryRow]:
    # Newest first, as the store answers.
    return [
        HistoryRow(f"op{i}", 1_700_000_000.0 + i, "receive", 10 + i, 0, "sat", "http://127.0.0.1:1", "done", "", "")
        for i in reversed(range(start, start + n))
    ]


def test_history_model_gives_qt_a_page_at_a_time(qapp: QApplication) -> None:
    model = HistoryModel()
    model.set_rows(_rows(PAGE * 3 + 5))
    assert model.rowCount() == PAGE
    assert model.total == PAGE * 3 + 5
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE * 2
    model.fetch_all()
    assert model.rowCount() == PAGE * 3 + 5
    assert not model.canFetchMore()


def test_history_refresh_inserts_new_rows_and_redraws_changed_ones_without_a_reset(qapp: QApplication) -> None:
    model = HistoryModel()
    rows = _rows(PAGE * 2)
    model.set_rows(rows)
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    changed: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.dataChanged.connect(lambda top, _bottom, _roles=None: changed.append(top.row()))
    newer = _rows(2, start=PAGE * 2)
    updated = list(rows)
    updated[3] = dataclasses.replace(updated[3], state="failed")
    model.update_rows(newer + updated)
    assert resets == []
    assert inserted == [(0, 1)]
    assert changed == [5]  # row 3 moved down by the two new ones
    assert model.rowCount() == PAGE + 2
    assert model.row(0).id == newer[0].id
    assert model.row(5).state == "failed"
    assert model.total == PAGE * 2 + 2
