"""Tables sized to their contents measure a bounded number of rows: a long table costs what a short one does."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from desktop.gui.widgets.table import SIZED_ROWS, RowsTableModel, row_table


class _Texts(RowsTableModel[str]):
    HEADERS = ("Text",)

    def cell(self, row: str, column: int, role: int) -> Any:
        return row if role == 0 else None


def _width_with_long_text_at(qapp: QApplication, row: int) -> int:
    model = _Texts()
    texts = ["short"] * 5_000
    texts[row] = "a much, much longer text than any other in this column " * 3
    model.set_rows(texts)
    table = row_table(model, "t", "t", stretch=None)
    table.horizontalHeader().setStretchLastSection(False)
    table.resize(400, 300)
    table.show()
    qapp.processEvents()
    width = table.columnWidth(0)
    table.close()
    return width


def test_a_long_text_far_down_the_table_does_not_widen_the_column(qapp: QApplication) -> None:
    near = _width_with_long_text_at(qapp, 20)
    far = _width_with_long_text_at(qapp, 500)  # within Qt's default 1,000 rows, past ours
    assert near > far * 2  # a row within the measured ones counts; one past them is not measured at all


def test_tables_measure_at_most_the_sized_rows(qapp: QApplication) -> None:
    table = row_table(_Texts(), "t", "t")
    assert table.horizontalHeader().resizeContentsPrecision() == SIZED_ROWS < 1_000  # Qt's default is 1,000
