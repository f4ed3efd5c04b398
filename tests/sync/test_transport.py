from __future__ import annotations

import pytest

from mentor_desk.sync.protocol import InsecureServer, Offline
from mentor_desk.sync.transport import Transport, check_url


@pytest.mark.parametrize(
    "url",
    [
        "https://desk.example.org",
        "https://desk.example.org/",
        "http://localhost:8765",
        "http://127.0.0.1:9",
        "http://[::1]:80",
        "http://127.8.9.10",
    ],
)
def test_https_anywhere_and_http_only_to_this_computer(url: str) -> None:
    assert check_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://desk.example.org",
        "http://10.0.0.5:8765",
        "ftp://desk.example.org",
        "desk.example.org",
        "https://",
        "http://localhost.example.org",
    ],
)
def test_plain_http_elsewhere_is_refused(url: str) -> None:
    with pytest.raises(InsecureServer, match="https://"):
        check_url(url)


def test_unreachable_server_is_offline_not_a_crash() -> None:
    import socket

    with socket.socket() as s:  # a port with nothing listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    transport = Transport(f"http://127.0.0.1:{port}", timeout=(1.0, 1.0))
    with pytest.raises(Offline, match="Offline"):
        transport.health()
