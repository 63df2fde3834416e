"""Whatever a server answers, a ``--json`` command prints exactly one JSON object (an error) and no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.integration.wallet_helpers import nutdesk

INFO_WITHOUT_UNIT = json.dumps(
    {"name": "m", "nuts": {"4": {"methods": [{"method": "bolt11"}]}, "17": {"supported": 5}}}
)
BODIES = {
    "1e999 as a number": b'{"name": "m", "time": 1e999, "nuts": {}}',
    "3000 nested brackets": b"[" * 3000,
    "mint info methods without unit": INFO_WITHOUT_UNIT.encode(),
    "a lone surrogate": b'{"name": "\\ud800"}',
    "6 MB of answer": b'{"name": "' + b"x" * (6 * 1024 * 1024) + b'"}',
    "not JSON": b"<html>hello</html>",
    "keysets with a negative fee": b'{"keysets": [{"id": "00ab", "unit": "sat", "active": true, "input_fee_ppk": -5}]}',
}


class _Garbage(BaseHTTPRequestHandler):
    body = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_POST = do_GET

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture
def garbage_server() -> Iterator[tuple[str, type[_Garbage]]]:
    handler = type("Handler", (_Garbage,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("name", list(BODIES))
def test_mint_add_of_a_hostile_server_prints_one_json_error(
    tmp_path: Path, garbage_server: tuple[str, type[_Garbage]], name: str
) -> None:
    url, handler = garbage_server
    handler.body = BODIES[name]
    nutdesk(tmp_path, "init")
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--json", "--data-dir", str(tmp_path), "mint", "add", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    answer = json.loads(result.stdout)  # exactly one JSON object, nothing else on stdout
    assert set(answer) == {"error"} and answer["error"]["message"]
    assert "Traceback" not in result.stdout + result.stderr
