"""`newsbot chat`: a conversation in the terminal, or one answer per piped line."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from bot.answer import Answerer
from bot.conversation import Conversation
from bot.render import answer_view, make_console, passages_table
from bot.settings import Settings

HELP = """Ask a question about the indexed articles; follow-ups can refer to earlier answers.
  /sources  show the passages behind the last answer
  /reset    forget the conversation
  /help     this text
  Ctrl-D or /quit to leave"""


def run_chat(answerer: Answerer, settings: Settings, *, interactive: bool, as_json: bool = False) -> None:
    console = make_console(stderr=as_json)  # with --json, stdout carries only JSON lines
    conversation = Conversation(settings.answer.memory_turns)
    last = None
    if interactive:
        console.print("[bold]newsbot[/bold] — ask about the indexed articles. /help for commands, Ctrl-D to quit.")
    for line in _lines(interactive, settings):
        text = line.strip()
        if not text:
            continue
        command = text.lower()
        if command in {"/quit", "/exit"}:
            break
        if command == "/help":
            console.print(HELP, markup=False)
            continue
        if command == "/reset":
            conversation.reset()
            console.print("Conversation cleared.")
            continue
        if command == "/sources":
            if last is None:
                console.print("No answer yet.")
            else:
                console.print(passages_table(last))
            continue
        last = answerer.answer(text, conversation)
        if as_json:
            sys.stdout.write(json.dumps(last.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            console.print(answer_view(last))
    if interactive:
        console.print("Bye.")


def _lines(interactive: bool, settings: Settings):
    if not interactive:
        yield from sys.stdin
        return
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory, InMemoryHistory

    history = InMemoryHistory()
    if settings.answer.chat_history:
        history_path = Path(settings.answer.chat_history).expanduser()
        try:
            history_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            history_path.touch(mode=0o600, exist_ok=True)
            os.chmod(history_path, 0o600)
            history = FileHistory(str(history_path))
        except OSError:
            pass  # an unwritable place: the session keeps its history in memory
    session = PromptSession(history=history)
    while True:
        try:
            yield session.prompt("you › ")
        except KeyboardInterrupt:
            continue
        except EOFError:
            return
