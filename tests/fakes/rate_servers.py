"""Local fakes of the keyless exchange-rate APIs, one per source's response format."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.fakes.http import LocalHTTPServer, Request, Response


def _body(source: str, price: Decimal, request: Request) -> Response:
    p = str(price)
    if source == "Coinbase" and request.path == "/v2/exchange-rates" and request.query.get("currency") == "BTC":
        return 200, {"data": {"currency": "BTC", "rates": {"USD": p, "EUR": str(price * Decimal("0.9"))}}}
    if source == "CoinGecko" and request.path == "/api/v3/exchange_rates":
        return 200, {
            "rates": {
                "btc": {"name": "Bitcoin", "unit": "BTC", "value": 1.0, "type": "crypto"},
                "usd": {"name": "US Dollar", "unit": "$", "value": float(price), "type": "fiat"},
            }
        }
    if source == "Kraken" and request.path == "/0/public/Ticker":
        if request.query.get("pair") != "XBTUSD":
            return 200, {"error": ["EQuery:Unknown asset pair"]}
        return 200, {"error": [], "result": {"XXBTZUSD": {"a": [p, "1", "1.0"], "c": [p, "0.01"]}}}
    if source == "Bitstamp" and request.path == "/api/v2/ticker/btcusd/":
        return 200, {"last": p, "bid": p, "ask": p, "timestamp": "1700000000"}
    if source == "Yadio" and request.path == "/exrates/BTC":
        return 200, {"BTC": {"USD": float(price), "EUR": float(price) * 0.9}, "base": "BTC", "timestamp": 1}
    return 404, {"error": "not found"}


class FakeRateServer(LocalHTTPServer):
    """Serves ``source``'s format at ``price`` (USD per BTC); ``status`` other than 200 plays a broken source."""

    def __init__(self, source: str, price: Decimal, *, status: int = 200) -> None:
        self.source = source
        self.price = price
        self.status = status
        super().__init__(self._route_request)

    def _route_request(self, request: Request) -> Response:
        if self.status != 200:
            body: Any = b"<html>service unavailable</html>"
            return self.status, body
        return _body(self.source, self.price, request)
