"""The deploy files agree with the code: manifest events and command, compose services."""

import pytest
import yaml

from bot.slack.desk import ADD_SHORTCUT, ASK_SHORTCUT
from bot.slack.listeners import NEWSROOM_COMMAND, SLASH_COMMAND
from tests.conftest import ROOT


def test_manifest_lists_exactly_what_the_app_handles():
    manifest = yaml.safe_load((ROOT / "deploy" / "slack-manifest.yaml").read_text())
    events = set(manifest["settings"]["event_subscriptions"]["bot_events"])
    assert events == {"app_mention", "message.im", "message.channels", "message.groups", "app_home_opened", "link_shared"}
    features = manifest["features"]
    assert [c["command"] for c in features["slash_commands"]] == [SLASH_COMMAND, NEWSROOM_COMMAND]
    assert [(s["type"], s["callback_id"]) for s in features["shortcuts"]] == [("message", ASK_SHORTCUT),
                                                                              ("message", ADD_SHORTCUT)]
    assert features["app_home"]["home_tab_enabled"] is True and 1 <= len(features["unfurl_domains"]) <= 5
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert scopes == {"app_mentions:read", "chat:write", "commands", "im:history", "channels:history", "groups:history",
                      "links:read", "links:write", "assistant:write"}
    assert manifest["settings"]["interactivity"]["is_enabled"] is True


def test_compose_runs_bot_and_watcher_on_a_shared_volume():
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())
    services = compose["services"]
    assert services["watcher"]["command"][:3] == ["newsbot", "index", "watch"]
    assert services["bot"]["command"][:2] == ["newsbot", "slack"]
    assert "index-data:/data" in services["watcher"]["volumes"] and "index-data:/data" in services["bot"]["volumes"]
    assert any(v.endswith(":/seeds:ro") for v in services["watcher"]["volumes"])


def test_dockerfile_pins_cpu_torch_and_runs_as_non_root():
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert "whl/cpu torch==2.13.0" in dockerfile
    assert dockerfile.index("torch==2.13.0") < dockerfile.index("pip install \".[redis,qdrant]\"")
    assert "\nUSER newsbot" in dockerfile


@pytest.mark.parametrize("name", ["newsbot-slack.service", "newsbot-watch.service"])
def test_systemd_units_keep_the_question_encoder_where_they_may_write(name):
    # the bot exports the ONNX encoder; the watcher runs it to fit the static one
    unit = (ROOT / "deploy" / name).read_text()
    settings = dict(pair.split("=", 1) for line in unit.splitlines() if line.startswith("Environment=")
                    for pair in line.removeprefix("Environment=").split())
    writable = [line.split("=", 1)[1].strip() for line in unit.splitlines() if line.startswith("ReadWritePaths=")]
    assert "ProtectHome=true" in unit  # so ~/.cache is out of reach
    assert any(settings["NEWSBOT_MODEL_CACHE"].startswith(path) for path in writable)
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert "NEWSBOT_MODEL_CACHE=/opt/newsbot/models" in dockerfile and "make_query_embedder" in dockerfile


def test_compose_probes_the_socket_mode_health_file_the_bot_writes():
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())
    bot = compose["services"]["bot"]
    env = dict(item.split("=", 1) for item in bot["environment"])
    probe = " ".join(bot["healthcheck"]["test"])
    assert env["NEWSBOT_HEALTH_FILE"] in probe and "connected" in probe
    assert bot["restart"] == "unless-stopped"


def test_the_replicas_profile_shares_redis_and_the_index():
    from bot.settings import load_settings

    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())
    services = compose["services"]
    replica, redis = services["bot-replica"], services["redis"]
    assert replica["profiles"] == ["replicas"] == redis["profiles"] and "redis" in replica["depends_on"]
    env = dict(item.split("=", 1) for item in replica["environment"])
    settings = load_settings(env)  # the settings the replicas will run with are valid
    assert settings.slack.state == "redis" and settings.slack.state_url.get().startswith("redis://redis:")
    assert "index-data:/data" in replica["volumes"] and replica["command"][:3] == ["newsbot", "slack", "--http"]
    assert "/readyz" in " ".join(replica["healthcheck"]["test"])
    assert '".[redis,qdrant]"' in (ROOT / "deploy" / "Dockerfile").read_text()  # the image has both clients
    assert "qdrant" in replica["depends_on"] and services["qdrant"]["profiles"] == ["replicas"]
    example = (ROOT / "deploy" / "newsbot.env.example").read_text()
    commented = dict(line.lstrip("# ").split("=", 1) for line in example.splitlines()
                     if line.startswith("# NEWSBOT_") and "=" in line and " " not in line.lstrip("# ").split("=")[0])
    store = load_settings({**env, "NEWSBOT_VECTOR_STORE": commented["NEWSBOT_VECTOR_STORE"],
                           "NEWSBOT_QDRANT_URL": commented["NEWSBOT_QDRANT_URL"]})
    assert store.index.vector_store == "qdrant" and "qdrant:6333" in store.index.qdrant_url
