"""``dateline serve``: starts on loopback, prints its URL, serves, stops on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request

from dateline.web.config import load_token
from dateline.web.live import free_port


def _dateline(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dateline.cli", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_serve_prints_its_url_serves_and_stops_on_ctrl_c(web_db):
    port = free_port()
    process = _dateline("serve", "--db", str(web_db), "--port", str(port))
    try:
        line = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line and "read-only" in line
        body = ""
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/articles") as reply:
                    body = reply.read().decode()
                break
            except OSError:
                time.sleep(0.1)
        assert '"results"' in body
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()


def test_serve_without_a_store_is_one_error_line(tmp_path):
    process = _dateline("serve", "--db", str(tmp_path / "none.db"), "--port", str(free_port()))
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert err.strip().startswith("Error:") and "no such database" in err
    assert len(err.strip().splitlines()) == 1


def test_token_from_file_or_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("DATELINE_TOKEN", raising=False)
    assert load_token(None) is None
    monkeypatch.setenv("DATELINE_TOKEN", " from-env ")
    assert load_token(None) == "from-env"
    token_file = tmp_path / "token"
    token_file.write_text("from-file\nignored\n")
    assert load_token(token_file) == "from-file"
    token_file.write_text("\n")
    process = _dateline("serve", "--token-file", str(token_file),
                        env={**os.environ, "DATELINE_DB": str(tmp_path / "x.db")})
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 1 and "--token-file" in err and "empty" in err
