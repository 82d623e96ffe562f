"""Shared fixtures: a clean environment, the real packaged model (loaded once), a seed index."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILE = SEEDS / "000_02ef65573fb4f195.txt"

# hermetic: the ONNX export and any other cache go to a home of the test session's own, not ~/.cache
os.environ["HOME"] = tempfile.mkdtemp(prefix="newsbot-tests-home-")
atexit.register(shutil.rmtree, os.environ["HOME"], True)  # ~90 MB a run (the exported encoder) otherwise left
EMPTY_CONFIG = Path(os.environ["HOME"]) / "newsbot.toml"
EMPTY_CONFIG.write_text("# no settings: the tests never read a developer's ./newsbot.toml\n")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    """No proxies (WebClient would send loopback traffic to them), no Slack or newsbot settings, no
    ./newsbot.toml (each test runs in a folder of its own; subprocesses get an empty config)."""
    for key in list(os.environ):
        if key.startswith(("SLACK_", "NEWSBOT_", "OPENAI_")) or key.lower() in {"http_proxy", "https_proxy", "all_proxy", "no_proxy"}:
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("NEWSBOT_CONFIG", str(EMPTY_CONFIG))
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def embedder():
    from index.embedder import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory, embedder) -> Path:
    """An index of the bundled seed article and the distractor articles written for the tests
    (so "the right article is cited" can fail), built once with the real model."""
    import json

    from index.build import sync_index
    from index.settings import IndexSettings
    from tests.quality_articles import ARTICLES

    folder = tmp_path_factory.mktemp("seed-articles")
    shutil.copy(SEED_FILE, folder / SEED_FILE.name)
    for name, article in {**OTHER_ARTICLES, **ARTICLES}.items():
        (folder / name).write_text(article if isinstance(article, str) else json.dumps(article), encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("seed-index")
    sync_index(IndexSettings(seeds_dir=folder, index_dir=index_dir), embedder)
    return index_dir


@pytest.fixture(scope="session")
def settings_for(seed_index):
    from bot.settings import load_settings

    def make(index_dir: Path = seed_index, **slack):
        return load_settings({}, None, {"index": {"index_dir": index_dir, "seeds_dir": SEEDS}, "slack": slack})

    return make


@pytest.fixture(scope="session")
def answerer(settings_for, embedder):
    from bot.service import make_answerer

    return make_answerer(settings_for(), embedder)


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED_FILE, folder / SEED_FILE.name)
    return folder


OTHER_ARTICLES = {
    "peru.json": {
        "title": "Peru's Congress votes to remove president",
        "url": "https://example.org/world/peru-congress",
        "source": "Example Wire",
        "published": "2023-01-12",
        "text": (
            "LIMA – Peru's Congress voted on Wednesday to remove President Pedro Castillo from office. "
            "Lawmakers backed the motion by 101 votes after Castillo tried to dissolve the legislature. "
            "Vice President Dina Boluarte was sworn in as the country's first female president."
        ),
    },
    "wheat.md": (
        "---\ntitle: Wheat prices climb as exports slow\nsource: Farm Daily\npublished: 2023-02-03\n---\n"
        "Wheat futures rose 4 percent on Friday as export shipments from the Black Sea slowed. "
        "Traders said insurance costs for cargo ships had doubled since January."
    ),
}


# tests that load the real model (directly or through an index built with it) are "slow": the
# fast subset, `pytest -m "not slow"`, runs the rest in well under a minute
SLOW_FIXTURES = {"embedder", "seed_index", "settings_for", "answerer", "cli_index", "quality", "generative",
                 "index_dir", "slack_with_llm"}  # (make_bot loads the model only for tests marked slow)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
