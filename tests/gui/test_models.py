"""Every Qt item model passes QAbstractItemModelTester (through pytest-qt's ``qtmodeltester``), empty, filled,
and after a reset; plus the plain-Python state beside them."""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt

from core.api.service import MintView
from core.errors import UserFacingError
from core.ports.storage import ExportedToken
from desktop.gui.views.balances.model import BalancesModel
from desktop.gui.views.balances.state import BalanceEntry, MintHealth
from desktop.gui.views.history.model import FAILED_GREY, HistoryFilter, HistoryModel
from desktop.gui.views.history.state import HistoryRow, rows_to_csv
from desktop.gui.views.receive.state import extract_token
from desktop.gui.views.send.model import SentTokensModel
from desktop.gui.views.send.state import amount_with_receiver_fee, parse_pubkey
from desktop.gui.views.settings.model import BackendRow, BackendsModel, MintsModel
from desktop.gui.widgets.qr import MAX_QR_CHARS, QrWidget, qr_matrix

NOW = time.time()


def _history() -> list[HistoryRow]:
    return [
        HistoryRow("a", NOW - 60, "issue", 1000, 0, "sat", "http://127.0.0.1:3338", "done", "", ""),
        HistoryRow("b", NOW - 30, "send", 150, 1, "sat", "http://127.0.0.1:3338", "done", "lunch", ""),
        HistoryRow("c", NOW, "melt", 100, 2, "sat", "http://m.example", "failed", "", "no route"),
    ]


def test_balances_model(qtmodeltester: Any) -> None:
    model = BalancesModel()
    qtmodeltester.check(model)
    rows = [
        BalanceEntry("http://a", "Mint A", "sat", 1200, 150, True, Decimal("1.10")),
        BalanceEntry("http://b", "Mint B", "usd", 250, 0, False),
    ]
    model.set_rows(rows, {"http://b": MintHealth(reachable=False, error="timeout")})
    qtmodeltester.check(model)
    assert model.data(model.index(0, model.BALANCE)) == "1,200 sat"
    assert model.data(model.index(1, model.BALANCE)) == "2.50 USD"
    assert model.data(model.index(1, model.STATUS)) == "not trusted · unreachable"
    model.set_health({})
    model.set_rows([], {})
    qtmodeltester.check(model)


def test_history_model_and_its_filter(qtmodeltester: Any) -> None:
    model = HistoryModel()
    qtmodeltester.check(model)
    model.set_rows(_history())
    qtmodeltester.check(model)
    proxy = HistoryFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_kind("send")
    assert [r.id for r in proxy.visible_rows()] == ["b"]
    proxy.set_kind("")
    proxy.set_text("route")  # the error text is not searched, the state is
    assert proxy.rowCount() == 0
    proxy.set_text("failed")
    assert [r.id for r in proxy.visible_rows()] == ["c"]
    qtmodeltester.check(proxy)


def test_a_failed_row_is_grey_with_no_sign() -> None:
    model = HistoryModel()
    failed_receive = HistoryRow("d", NOW, "receive", 119, 0, "sat", "http://m.example", "failed", "", "spent")
    model.set_rows([*_history(), failed_receive])
    amount = HistoryModel.AMOUNT

    def shown(row: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> Any:
        return model.data(model.index(row, amount), role)

    assert (shown(0), shown(1)) == ("+1,000 sat", "−150 sat")
    assert (shown(2), shown(3)) == ("100 sat", "119 sat")  # the failed melt and the failed receive: no sign
    for row in (2, 3):
        for column in range(model.columnCount()):
            colour = model.data(model.index(row, column), Qt.ItemDataRole.ForegroundRole)
            assert colour is not None and colour.name() == FAILED_GREY
    assert shown(0, Qt.ItemDataRole.ForegroundRole).name() == "#27ae60"


def test_sent_tokens_mints_and_backends_models(qtmodeltester: Any) -> None:
    sent = SentTokensModel()
    sent.set_rows([ExportedToken(1, "op", "http://a", "sat", 21, "cashuB…", "/tmp/x.cashu", "pending")])
    qtmodeltester.check(sent)
    mints = MintsModel()
    mints.set_rows([MintView("http://a", "A", "hi", ["sat"], True, [4, 5], {"sat": 5})])
    qtmodeltester.check(mints)
    backends = BackendsModel()
    backends.set_rows([BackendRow("lnbits", "lnbits")])
    backends.set_status("lnbits", "online")
    qtmodeltester.check(backends)
    assert backends.data(backends.index(0, 2)) == "online"


def test_csv_of_history_rows_has_signed_amounts() -> None:
    text = rows_to_csv(_history())
    lines = text.splitlines()
    assert lines[0] == "time,kind,amount,fee,unit,mint,state,memo,id"
    assert [line.split(",")[2] for line in lines[1:]] == ["1000", "-150", "-100"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("cashuBabc", "cashuBabc"),
        ("  thanks! cashuAxyz\n", "cashuAxyz"),
        ("cashu:cashuBq", "cashuBq"),
        ("lnbc1...", None),
        ("", None),
    ],
)
def test_the_token_is_found_in_pasted_text(text: str, found: str | None) -> None:
    assert extract_token(text) == found


@pytest.mark.parametrize(
    ("amount", "ppk", "expected"), [(100, 0, 100), (100, 100, 101), (64, 100, 65), (1000, 1000, 1008)]
)
def test_including_the_receivers_fee(amount: int, ppk: int, expected: int) -> None:
    total = amount_with_receiver_fee(amount, ppk)
    assert total == expected
    assert total - (bin(total).count("1") * ppk + 999) // 1000 >= amount


def test_public_keys_are_checked() -> None:
    key = "02" + "ab" * 32
    assert parse_pubkey(key.upper()) == key
    with pytest.raises(UserFacingError):
        parse_pubkey("npub1xyz")


def test_a_too_large_token_gets_a_clear_fallback_instead_of_a_qr(qtbot: Any) -> None:
    assert qr_matrix("cashuB" + "a" * 500) is not None
    assert qr_matrix("cashuB" + "a" * MAX_QR_CHARS) is None
    widget = QrWidget()
    qtbot.addWidget(widget)
    widget.set_text("cashuB" + "a" * (MAX_QR_CHARS + 1))
    assert widget.too_large and "Copy or Save to file" in widget.TOO_LARGE
