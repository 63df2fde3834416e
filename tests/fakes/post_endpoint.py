"""A local NUT-18 ``post`` transport endpoint: records each payload; answers with a chosen status."""

from __future__ import annotations

from typing import Any

from tests.fakes.http import LocalHTTPServer, Request, Response


class FakePostEndpoint(LocalHTTPServer):
    def __init__(self, status: int = 200, body: Any = None) -> None:
        self.status = status
        self.body = body if body is not None else {"status": "OK"}
        self.payloads: list[Any] = []
        super().__init__(self._route_request)

    @property
    def url(self) -> str:
        return f"{self.base_url}/pay"

    def _route_request(self, request: Request) -> Response:
        if request.method != "POST" or request.path != "/pay":
            return 404, {"detail": "not found"}
        self.payloads.append(request.json())
        return self.status, self.body
