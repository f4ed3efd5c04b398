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


@pytest.mark.parametrize(
    "answer",
    [
        # the connection cut inside the headers, before any length: an empty "success"
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n",
        # something in between answering for the server (a Wi-Fi sign-in page)
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 14\r\n\r\n<html>hi</html",
    ],
)
def test_a_cut_or_foreign_success_is_offline_not_an_empty_page(answer: bytes) -> None:
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def serve() -> None:
        conn, _ = listener.accept()
        conn.recv(65536)
        conn.sendall(answer)
        conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    transport = Transport(f"http://127.0.0.1:{listener.getsockname()[1]}", timeout=(2.0, 2.0))
    with pytest.raises(Offline, match="cut short"):
        transport.pull(0, 10)
    thread.join(5)
    listener.close()
