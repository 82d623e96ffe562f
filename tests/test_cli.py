"""The `newsbot` command as a user runs it: real console script, real model, pipes and a pty."""

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

NEWSBOT = str(Path(sys.executable).parent / "newsbot")


def run(*args, input=None, env=None, timeout=120):
    return subprocess.run([NEWSBOT, *args], input=input, capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def cli_index(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("cli") / "index"
    result = run("index", "build", "--seeds", str(SEEDS), "--index", str(index_dir), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["published"] and report["articles"] == 1
    return index_dir


def test_help_lists_every_command():
    result = run("--help")
    for command in ("ask", "chat", "index", "slack", "eval"):
        assert command in result.stdout
    index_help = run("index", "--help").stdout
    for command in ("build", "update", "watch", "status"):
        assert command in index_help


def test_status_json_and_env_paths(cli_index):
    status = json.loads(run("index", "status", "--json", env={"NEWSBOT_INDEX": str(cli_index)}).stdout)
    assert status["articles"] == 1 and status["model"] == "packaged:all-MiniLM-L6-v2" and status["dim"] == 384


def test_update_without_changes_is_a_no_op(cli_index):
    result = run("index", "update", "--seeds", str(SEEDS), "--index", str(cli_index))
    assert result.returncode == 0 and "up to date" in result.stdout


def test_ask_json(cli_index):
    result = run("ask", "--index", str(cli_index), "--json", "Who blamed whom for the Idlib clashes?")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["found"] and "Zakharova" in answer["answer"]
    assert answer["citations"][0]["path"].endswith("000_02ef65573fb4f195.txt")


def test_ask_renders_answer_and_citation(cli_index):
    result = run("ask", "--index", str(cli_index), "How many troops has Turkey deployed to Idlib?")
    assert result.returncode == 0 and "5,000" in result.stdout and "[1]" in result.stdout
    assert "Traceback" not in result.stderr


def test_missing_index_is_one_clear_line_and_nonzero(tmp_path):
    result = run("ask", "--index", str(tmp_path / "nowhere"), "anything?")
    assert result.returncode == 2
    assert "newsbot index build" in result.stderr and "Traceback" not in result.stderr


def test_build_of_a_folder_with_only_bad_files_fails_clearly(tmp_path):
    (tmp_path / "bad.json").write_text("{")
    result = run("index", "build", "--seeds", str(tmp_path), "--index", str(tmp_path / "idx"))
    assert result.returncode == 2 and "no article could be indexed" in result.stderr


def test_chat_through_a_pipe_answers_each_line(cli_index):
    questions = "Who blamed whom for the Idlib clashes?\nand how many troops?\n\n/reset\n" + "y" * 3000 + "\n"
    result = run("chat", "--index", str(cli_index), "--json", input=questions)
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == 3
    assert "Turkey" in answers[0]["answer"]
    assert "5,000 troops" in answers[1]["answer"]
    assert not answers[2]["found"] and "under 2,000" in answers[2]["answer"]


def test_chat_in_a_terminal(cli_index):
    """Drive the interactive chat through a real pseudo-terminal, as a person would."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(NEWSBOT, [NEWSBOT, "chat", "--index", str(cli_index)], {**os.environ, "TERM": "xterm", "COLUMNS": "100"})
    screen = b""

    def read_until(needle: bytes, timeout: float = 90) -> bytes:
        nonlocal screen
        deadline = time.time() + timeout
        while needle not in screen and time.time() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                try:
                    screen += os.read(fd, 65536)
                except OSError:
                    break
        return screen

    try:
        assert b"you" in read_until(b"you \xe2\x80\xba")
        os.write(fd, b"How many troops has Turkey deployed to Idlib?\r")
        assert b"5,000" in read_until(b"5,000")
        os.write(fd, b"/sources\r")
        assert b"Passages" in read_until(b"Passages")
        os.write(fd, b"/help\r")
        assert b"/reset" in read_until(b"forget the conversation")
        os.write(fd, b"\x04")  # Ctrl-D
        deadline = time.time() + 30
        done, status = 0, 0
        while not done and time.time() < deadline:
            read_until(b"\x00never", timeout=0.5)  # keep draining so the child never blocks on output
            done, status = os.waitpid(pid, os.WNOHANG)
        assert done and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    finally:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.close(fd)
