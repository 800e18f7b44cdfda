"""The load and fault tests say what a client met when the server never answered."""

import socket

from scripts.harness import Visitor, free_port
from scripts.load_test import no_answer_kind


def test_a_port_nobody_listens_on_is_reported_as_connection_refused():
    answer = Visitor(f"http://127.0.0.1:{free_port()}").get("/")
    assert answer.status is None
    assert no_answer_kind(answer.text) == "connection refused"


def test_a_server_that_never_answers_is_reported_as_timed_out():
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        port = listening.getsockname()[1]
        answer = Visitor(f"http://127.0.0.1:{port}").get("/", timeout=0.3)
    assert answer.status is None
    assert no_answer_kind(answer.text) == "timed out"
