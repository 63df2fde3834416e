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


def test_upsert_redraws_a_named_row_in_place_and_inserts_a_new_one_by_time(qapp: QApplication) -> None:
    model = HistoryModel()
    rows = _rows(PAGE * 2)
    model.set_rows(rows)
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    changed: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))

    moved = dataclasses.replace(rows[3], state="failed")
    newest = HistoryRow("new", rows[0].time + 5, "send", 7, 1, "sat", "http://127.0.0.1:1", "done", "", "")
    between = HistoryRow("mid", rows[10].time + 0.5, "send", 8, 0, "sat", "http://127.0.0.1:1", "done", "", "")
    model.upsert_rows([moved, newest, between])

    assert resets == []
    assert changed == [3]
    assert inserted == [(0, 0), (11, 11)]  # the newest on top; the other by its time (under the new top row)
    assert model.total == PAGE * 2 + 2
    assert model.rowCount() == PAGE + 2
    ids = [model.data(model.index(n, 0), HistoryModel.RowRole).id for n in range(12)]
    assert ids[:2] == ["new", "op399"] and ids[11] == "mid" and ids[4] == rows[3].id
    assert model.data(model.index(4, HistoryModel.STATE)) == "failed"

    old = HistoryRow("old", rows[-1].time - 1, "receive", 1, 0, "sat", "http://127.0.0.1:1", "done", "", "")
    model.upsert_rows([old])  # past the pages Qt was given: counted, shown once scrolled to
    assert inserted[-1] == (11, 11) and model.total == PAGE * 2 + 3 and model.rowCount() == PAGE + 2
    model.fetch_all()
    assert model.data(model.index(model.rowCount() - 1, 0), HistoryModel.RowRole).id == "old"


def test_history_read_from_the_database_as_the_user_scrolls_past_what_was_read(qapp: QApplication) -> None:
    history = _rows(PAGE * 12)  # the database, newest first
    reads: list[int] = []
    state = {"reading": PAGE * 2}

    def load_more() -> tuple[list[HistoryRow], bool]:
        state["reading"] *= 2
        reads.append(state["reading"])
        rows = history[: state["reading"]]
        return rows, len(rows) < state["reading"]

    model = HistoryModel()
    model.load_more = load_more
    model.set_rows(history[: PAGE * 2], complete=False)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.fetchMore()
    assert reads == [] and model.rowCount() == PAGE * 2  # the second page was read already
    assert model.canFetchMore()  # not complete: the database has more
    model.fetchMore()
    assert reads == [PAGE * 4] and model.rowCount() == PAGE * 3 and model.total == PAGE * 4
    assert inserted[-1] == (PAGE * 2, PAGE * 3 - 1)
    model.fetch_all()
    assert reads == [PAGE * 4, PAGE * 8, PAGE * 16] and model.rowCount() == PAGE * 12 and not model.canFetchMore()
    ids = [model.data(model.index(n, 0), HistoryModel.RowRole).id for n in range(model.rowCount())]
    assert ids == [r.id for r in history]


def test_upsert_leaves_a_row_older_than_all_read_to_the_database_read(qapp: QApplication) -> None:
    history = _rows(PAGE * 3)
    model = HistoryModel()
    model.load_more = lambda: (history, True)
    model.set_rows(history[:PAGE], complete=False)
    model.upsert_rows([history[-1]])  # older than the page read: not placed after it, out of order
    assert model.total == PAGE
    model.fetch_all()
    assert [model.data(model.index(n, 0), HistoryModel.RowRole).id for n in range(model.rowCount())] == [
        r.id for r in history
    ]
