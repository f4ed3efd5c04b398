"""HTTP transport over ``requests``: timeouts, TLS verification on, http only to localhost.

The engine takes a transport (STYLE.md point 6), so tests can point it at a real server on a
loopback port — or through a proxy that drops connections.
"""

from __future__ import annotations

import contextlib
import ipaddress
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import orjson

from mentor_desk.domain.vocabulary import SCHEMA_VERSION
from mentor_desk.sync.protocol import (
    CONFLICT_PAGE,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    ClientTooOld,
    DeviceRevoked,
    InsecureServer,
    NotSignedIn,
    Offline,
    ProtocolError,
    ServerUnavailable,
    SyncError,
)

if TYPE_CHECKING:  # requests costs ~80 ms to import: only when a sync really starts
    import requests

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 60.0


class ResyncRequired(SyncError):
    """410: the cursor is older than the oldest kept tombstone."""

    def __init__(self) -> None:
        super().__init__("The server asked for a fresh download; local changes are kept.")


class SequenceGap(SyncError):
    """409 from push: the server expects to continue from ``expected``."""

    def __init__(self, expected: int) -> None:
        self.expected = expected
        super().__init__(f"The server expects change {expected} next.")


class ApiRefused(SyncError):
    """Any other 4xx, with the server's error code."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        self.status, self.code = status, code
        super().__init__(detail or code)


def check_url(base_url: str) -> str:
    """Normalise ``base_url``; refuse plain http except to this computer."""
    parts = urlsplit(base_url.strip())
    if parts.scheme == "https" and parts.hostname:
        return base_url.strip().rstrip("/")
    if parts.scheme == "http" and parts.hostname:
        host = parts.hostname
        loopback = host == "localhost"
        with contextlib.suppress(ValueError):
            loopback = loopback or ipaddress.ip_address(host).is_loopback
        if loopback:
            return base_url.strip().rstrip("/")
    raise InsecureServer()


class Transport:
    """Calls the server's ``/api/v1``. Methods return parsed JSON or raise a SyncError."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
    ) -> None:
        self.base_url = check_url(base_url)
        self.token = token
        import requests

        self.session = session or requests.Session()
        self.session.trust_env = False  # no proxies from the environment for case data
        self.timeout = timeout

    def _call(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        params: dict[str, Any] | None = None,
        timeout: tuple[float, float] | None = None,
    ) -> Any:
        import requests

        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: str(SCHEMA_VERSION)}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            resp = self.session.request(
                method,
                self.base_url + "/api/v1" + path,
                json=json_body,
                params=params,
                headers=headers,
                timeout=timeout or self.timeout,
                verify=True,
                allow_redirects=False,
            )
        except requests.exceptions.SSLError:
            raise Offline("the server's certificate was not accepted") from None
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise Offline(type(exc).__name__) from None
        except requests.RequestException as exc:
            raise Offline(type(exc).__name__) from None
        return self._answer(resp)

    @staticmethod
    def _answer(resp: requests.Response) -> Any:
        try:
            body = orjson.loads(resp.content) if resp.content else {}
        except ValueError:  # orjson.JSONDecodeError is one
            body = None
        if resp.status_code >= 500:
            raise ServerUnavailable(resp.status_code)
        if resp.status_code < 300 and (not resp.content or body is None):
            # Every answer of the API is a JSON object. An empty or unreadable "success" is a
            # connection cut inside the headers (so no length to check the body against) or
            # something in between, like a Wi-Fi sign-in page: try again later.
            raise Offline("the answer was cut short or did not come from the server")
        if body is None:
            raise ProtocolError(f"HTTP {resp.status_code}, not JSON")
        if resp.status_code < 300:
            return body
        code = str(body.get("error", "")) if isinstance(body, dict) else ""
        detail = str(body.get("detail", "")) if isinstance(body, dict) else ""
        if resp.status_code == 403 and code == "device_revoked":
            raise DeviceRevoked()
        if resp.status_code == 401:
            raise NotSignedIn()
        if resp.status_code == 410:
            raise ResyncRequired()
        if resp.status_code == 426:
            raise ClientTooOld()
        if resp.status_code == 409 and code == "sequence_gap":
            raise SequenceGap(int(body.get("expected", 0)))
        raise ApiRefused(resp.status_code, code, detail)

    def health(self) -> dict[str, Any]:
        """Quick reachability probe with short timeouts."""
        result: dict[str, Any] = self._call("GET", "/health", timeout=(2.0, 3.0))
        return result

    def login(self, username: str, password: str, device_name: str) -> dict[str, Any]:
        result: dict[str, Any] = self._call(
            "POST",
            "/auth/login",
            json_body={"username": username, "password": password, "device_name": device_name},
        )
        self.token = str(result["token"])
        return result

    def push(self, body: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = self._call("POST", "/sync/push", json_body=body)
        return result

    def pull(self, cursor: int, limit: int) -> dict[str, Any]:
        result: dict[str, Any] = self._call(
            "GET", "/sync/pull", params={"cursor": cursor, "limit": limit}
        )
        return result

    def conflicts(self, limit: int = CONFLICT_PAGE) -> dict[str, Any]:
        result: dict[str, Any] = self._call("GET", "/conflicts", params={"limit": limit})
        return result

    def resolve_conflict(self, conflict_id: str, body: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = self._call(
            "POST", f"/conflicts/{conflict_id}/resolve", json_body=body
        )
        return result

    def partnership(self) -> dict[str, Any]:
        """The organisations and the information-sharing agreements between them."""
        result: dict[str, Any] = self._call("GET", "/partnership")
        return result

    def save_agreement(
        self, body: dict[str, Any], agreement_id: str | None = None
    ) -> dict[str, Any]:
        """Create (``agreement_id`` None) or replace one agreement; the saved agreement."""
        if agreement_id is None:
            result: dict[str, Any] = self._call("POST", "/partnership/agreements", json_body=body)
        else:
            path = "/partnership/agreements/" + quote(agreement_id, safe="")
            result = self._call("PUT", path, json_body=body)
        return result
