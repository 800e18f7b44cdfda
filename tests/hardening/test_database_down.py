"""The real thing: gunicorn with production settings and PostgreSQL unreachable.

Every public page answers a friendly 503 with the phone number; /healthz says so too; a
sign-up sent at that moment is shown back to the visitor.
"""

from scripts.harness import Visitor, free_port, production_server


def test_public_pages_answer_503_with_phone_when_postgresql_is_down(tmp_path):
    unreachable = f"postgres://nobody@127.0.0.1:{free_port()}/gone"
    with production_server(unreachable, folder=tmp_path) as server:
        visitor = Visitor(server.url)
        for path in ("/", "/search/?q=help", "/about/"):
            status, _, body = visitor.get(path)
            assert status == 503, (path, body[:300])
            assert "Sorry, the site is not working right now" in body
            assert "(877) US-NMPAA" in body
            assert "OperationalError" not in body and "Traceback" not in body
        status, _, body = visitor.get("/healthz")
        assert status == 503
        assert '"database": "unavailable"' in body

        # A sign-up sent now: nothing can be saved, and the visitor's answers come back
        # escaped, with a button to send them again. (The CSRF secret is one we made up:
        # with the database down no form page could hand one out.)
        secret = "a" * 32
        answers = {"name": "<script>alert('x')</script> Ada", "city": "Baltimore"}
        status, _, body = visitor.get(
            "/partner-with-us/become-an-advocate/",
            data={"csrfmiddlewaretoken": secret, **answers},
            headers={"Cookie": f"csrftoken={secret}"},
        )
        assert status == 503, body[:300]
        assert "nothing was stored" in body and "Try sending again" in body
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Ada" in body
        assert "<script>alert(" not in body
        assert "(877) US-NMPAA" in body
    # The failure is recorded in the log, with its traceback, for the people who fix it.
    assert "OperationalError" in server.log_path.read_text()
