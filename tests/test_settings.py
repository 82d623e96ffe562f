from pathlib import Path

import pytest

from bot.settings import Secret, load_settings
from index.errors import NewsbotError


def test_precedence_defaults_file_env_overrides(tmp_path):
    config = tmp_path / "newsbot.toml"
    config.write_text('[index]\nindex_dir = "from-file"\nseeds_dir = "seeds-file"\n[answer]\nk = 7\n'
                      '[slack]\nallowed_channels = ["C1", "C2"]\n')
    settings = load_settings({"NEWSBOT_INDEX": "from-env", "SLACK_BOT_TOKEN": "xoxb-1"}, config,
                             {"index": {"seeds_dir": None}, "answer": {"k": 3}})
    assert settings.index.index_dir == Path("from-env")  # env beats file
    assert settings.index.seeds_dir == Path("seeds-file")  # an unset override (None) changes nothing
    assert settings.answer.k == 3  # explicit option beats file
    assert settings.slack.allowed_channels == frozenset({"C1", "C2"})
    assert settings.slack.bot_token.get() == "xoxb-1" and "xoxb-1" not in repr(settings)


def test_secrets_file_and_channel_list(tmp_path):
    secrets = tmp_path / "newsbot.env"
    secrets.write_text("# tokens\nSLACK_APP_TOKEN='xapp-9'\nNEWSBOT_ALLOWED_CHANNELS=C1, C3\n")
    settings = load_settings({"NEWSBOT_SECRETS_FILE": str(secrets)})
    assert settings.slack.app_token == Secret("xapp-9")
    assert settings.slack.allowed_channels == frozenset({"C1", "C3"})


def test_bad_settings_say_which(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("[answer]\nk = \"many\"\n")
    with pytest.raises(NewsbotError, match="answer.k"):
        load_settings({}, config)
    config.write_text("[answr]\nk = 1\n")
    with pytest.raises(NewsbotError, match=r"unknown section \[answr\]"):
        load_settings({}, config)


@pytest.mark.parametrize("value", ["0", "1000", "-3"])
def test_k_from_the_environment_is_range_checked_like_the_option(value):
    with pytest.raises(NewsbotError, match=r"answer.k \(NEWSBOT_K\).*1 to 50"):
        load_settings({"NEWSBOT_K": value})
    assert load_settings({"NEWSBOT_K": "7"}).answer.k == 7


def test_the_readme_settings_table_is_the_one_the_code_generates():
    """Defaults, environment variables and meanings come from bot/settings_doc.py and the settings
    dataclasses: the README's table had drifted (re-score depth 30 in the README, 50 in the code)."""
    from bot.settings_doc import undocumented, with_table

    assert undocumented() == [], "describe each new setting in bot/settings_doc.ROWS"
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert readme == with_table(readme), "run: python -m bot.settings_doc --write README.md"


def test_every_option_the_readme_quotes_exists_on_its_command():
    """The README's command summary ("Using it") stays true: each `--option` it shows for a command
    is an option of that command (the CLI's own --help is the full text)."""
    import re

    import click

    from bot.cli import main

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Using it", 1)[1].split("```", 2)[1]
    checked = 0
    for line in block.splitlines():
        code = line.split("#", 1)[0]
        for part in code.split("|"):
            words = part.split()
            if words and words[0] == "newsbot":
                words = words[1:]
            command, path = main, []
            while words and isinstance(command, click.Group) and words[0] in command.commands:
                command = command.commands[words[0]]
                path.append(words.pop(0))
            if command is main:
                continue
            known = {o for p in command.params for o in p.opts}
            for option in re.findall(r"(?<![\w-])(--[a-z][\w-]*)", part):
                assert option in known, f"README shows `newsbot {' '.join(path)} {option}`, which does not exist"
                checked += 1
    assert checked >= 20
