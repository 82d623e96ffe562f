"""The `newsbot` command: parses options, calls the library, prints. No logic of its own."""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from pathlib import Path

import click

from bot.settings import LLM_PROVIDERS, Settings, load_settings
from index.errors import NewsbotError

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class _Group(click.Group):
    """Turns named errors, and the disk's (full, read-only, permission denied), into one line on
    stderr and exit code 2. A failed index build never touches the version being served."""

    def invoke(self, ctx: click.Context):
        import sqlite3

        try:
            return super().invoke(ctx)
        except NewsbotError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(2)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            click.echo(f"Error: {exc.strerror or exc}{where}. Nothing was published; the index being served is "
                       "unchanged. Free some space or fix the permissions, then run the command again.", err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            click.echo("Interrupted. Nothing was published; the index being served is unchanged, and the chunks "
                       "already embedded are cached, so the next run picks up from there.", err=True)
            ctx.exit(130)
        except sqlite3.Error as exc:
            click.echo(f"Error: the embedding cache could not be used ({exc}). Nothing was published; the index "
                       "being served is unchanged. Free some space or fix the permissions, then run it again.",
                       err=True)
            ctx.exit(2)


def _path_options(fn):
    fn = click.option("--index", "index_dir", type=click.Path(path_type=Path), default=None,
                      help="Index folder (env NEWSBOT_INDEX; default data/index).")(fn)
    fn = click.option("--seeds", "seeds_dir", type=click.Path(path_type=Path), default=None,
                      help="Seeds folder of articles (env NEWSBOT_SEEDS; default seeds/).")(fn)
    fn = click.option("--config", "config_file", type=click.Path(path_type=Path, exists=True), default=None,
                      help="TOML config file (env NEWSBOT_CONFIG; default ./newsbot.toml if present).")(fn)
    return fn


def _settings(config_file, seeds_dir, index_dir, answer: dict | None = None, llm: str | None = None) -> Settings:
    return load_settings(
        os.environ, config_file,
        {"index": {"seeds_dir": seeds_dir, "index_dir": index_dir}, "answer": answer or {}, "llm": {"provider": llm}},
    )


def _quiet_libraries(verbose: bool = False) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in ("sentence_transformers", "transformers", "httpx", "faiss", "bm25s"):
        logging.getLogger(name).setLevel(logging.ERROR)
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # without importing transformers (0.6 s)
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """newsbot: ask questions about a folder of news articles and get short answers in which every
    sentence is cited to its article. Works offline.

    \b
    Quick start:
      newsbot index build              # index the articles in seeds/
      newsbot ask "Who blamed whom for the Idlib clashes?"
      newsbot chat                     # interactive, with follow-up questions
    """
    import faulthandler

    faulthandler.enable()  # a fatal signal (SIGBUS from a file cut under a mapping) leaves a traceback


# ------------------------------------------------------------------ index


@main.group(cls=_Group)
def index() -> None:
    """Build, update, watch and inspect the article index."""


def _run_sync(settings: Settings, full: bool, quiet: bool, as_json: bool, embedder=None, fetch: bool = True,
              force_fetch: bool = True):
    from bot.progress import RichProgress
    from bot.service import make_embedder
    from index.build import sync_index
    from index.fetched import fetch_all

    _quiet_libraries()
    fetched = fetch_all(settings.index.index_dir, settings.feeds, force=force_fetch) if fetch else None
    embedder = embedder or make_embedder(settings)
    progress = None if (quiet or as_json) else RichProgress("Embedding chunks")
    report = sync_index(settings.index, embedder, full=full, progress=progress)
    _show_sync(report, fetched, quiet, as_json)
    return report


def _show_sync(report, fetched, quiet: bool, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({**report.to_dict(), "fetch": fetched.to_dict() if fetched else None}))
    elif not quiet:
        from bot.render import make_console
        from bot.reports import fetch_report_view, sync_report_view

        console = make_console()
        if fetched:
            console.print(fetch_report_view(fetched))
        console.print(sync_report_view(report))


_NO_FETCH = click.option("--no-fetch", is_flag=True,
                         help="Do not poll the feeds or fetch added URLs first; index what is already here.")


@index.command("build")
@_path_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or report.")
@click.option("--json", "as_json", is_flag=True, help="Print the build report as JSON.")
@_NO_FETCH
def index_build(config_file, seeds_dir, index_dir, quiet, as_json, no_fetch):
    """Build a complete new index version from the seeds folder and the feeds, and publish it
    atomically.

    Unchanged text is not re-embedded (embedding cache). Bad files are reported and skipped; the
    command fails only when no article at all could be indexed."""
    _run_sync(_settings(config_file, seeds_dir, index_dir), True, quiet, as_json, fetch=not no_fetch)


@index.command("update")
@_path_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or report.")
@click.option("--json", "as_json", is_flag=True, help="Print the update report as JSON.")
@_NO_FETCH
def index_update(config_file, seeds_dir, index_dir, quiet, as_json, no_fetch):
    """Incremental update: poll the feeds (`newsbot feeds`) and fetch added URLs, then index new and
    changed articles, drop removed ones, and publish a new version only if something changed.
    Builds the index when there is none yet.

    Every feed is polled now, even one backing off after failures (the watcher waits)."""
    _run_sync(_settings(config_file, seeds_dir, index_dir), False, quiet, as_json, fetch=not no_fetch)


@index.command("watch")
@_path_options
@click.option("--interval", default=1.0, show_default=True, help="Seconds between checks of the folder.")
def index_watch(config_file, seeds_dir, index_dir, interval):
    """Watch the seeds folder and poll the feeds (every feeds.interval_minutes, default 10), and
    update the index whenever something changed (Ctrl-C to stop).

    Changes are debounced; a failing update is logged and the previous version keeps serving. A
    failing feed is retried with backoff; the others go on."""
    from bot.service import make_embedder
    from index.watch import watch

    from index.fetched import fetch_all

    settings = _settings(config_file, seeds_dir, index_dir)
    _quiet_libraries(verbose=True)
    embedder = make_embedder(settings)
    click.echo(f"Watching {settings.index.seeds_dir} → {settings.index.index_dir}, feeds every "
               f"{settings.feeds.interval_minutes:g} min (Ctrl-C to stop)", err=True)

    def update():
        report = _run_sync(settings, False, True, False, embedder, fetch=False)
        if report.published:
            click.echo(f"published {report.version}: +{len(report.added)} ~{len(report.changed)} "
                       f"-{len(report.removed)} articles, {report.embedded} chunks embedded, "
                       f"{len(report.skipped)} skipped", err=True)

    def poll_feeds() -> bool:
        fetched = fetch_all(settings.index.index_dir, settings.feeds, force=False)
        return bool(fetched and fetched.brought_news)

    try:
        watch(settings.index.seeds_dir, update, interval=interval, debounce=settings.index.debounce_seconds,
              stop=threading.Event(), poll=poll_feeds, poll_every=settings.feeds.interval_minutes * 60)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@index.command("status")
@_path_options
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def index_status(config_file, seeds_dir, index_dir, as_json):
    """Show the served version: counts, model, build time, skipped files, and the static question
    encoder's fit (query_encoder = "static")."""
    from dataclasses import asdict

    from index.static_encoder import read_report
    from index.versions import load_current

    settings = _settings(config_file, seeds_dir, index_dir)
    version = load_current(settings.index.index_dir)
    fitted = read_report(settings.index.index_dir, settings.index.model)
    from index.fetched import FetchedStore, feed_status
    from index.sources import fetched_dir

    status = {**version.manifest, "path": str(version.path),
              "static_question_encoder": asdict(fitted) if fitted else None,
              "feeds": feed_status(settings.index.index_dir, settings.feeds),
              "urls": FetchedStore(fetched_dir(settings.index.index_dir)).urls()}
    if as_json:
        click.echo(json.dumps(status))
        return
    from bot.render import make_console
    from bot.reports import status_view

    make_console().print(status_view(status))


# ------------------------------------------------------------------ feeds and URLs


def _store(settings: Settings):
    from index.fetched import FetchedStore
    from index.sources import fetched_dir

    return FetchedStore(fetched_dir(settings.index.index_dir))


@main.group(cls=_Group)
def feeds() -> None:
    """Follow RSS and Atom feeds: `index update` and `index watch` fetch them."""


@feeds.command("add")
@click.argument("url")
@click.option("--name", default="", help="Shown as the articles' source (default: the feed's own title).")
@_path_options
def feeds_add(url, name, config_file, seeds_dir, index_dir):
    """Follow the feed at URL (http or https). Its articles are indexed at the next `index update`."""
    entry = _store(_settings(config_file, seeds_dir, index_dir)).add_feed(url, name)
    click.echo(f"following {entry['url']}{f' as {name!r}' if name else ''}; run `newsbot index update` to fetch it")


@feeds.command("remove")
@click.argument("name_or_url")
@_path_options
def feeds_remove(name_or_url, config_file, seeds_dir, index_dir):
    """Stop following a feed; its articles leave the index at the next `index update`."""
    gone = _store(_settings(config_file, seeds_dir, index_dir)).remove_feed(name_or_url)
    click.echo(f"removed {gone['url']}; its articles leave the index at the next `newsbot index update`")


@feeds.command("list")
@_path_options
@click.option("--json", "as_json", is_flag=True, help="Print the feeds as JSON.")
def feeds_list(config_file, seeds_dir, index_dir, as_json):
    """The feeds followed, with their last fetch, status, articles kept and error."""
    from index.fetched import feed_status

    settings = _settings(config_file, seeds_dir, index_dir)
    listed = feed_status(settings.index.index_dir, settings.feeds)
    if as_json:
        click.echo(json.dumps({"feeds": listed}))
        return
    from bot.render import make_console
    from bot.reports import feeds_view

    make_console().print(feeds_view(listed))


@main.command("add")
@click.argument("urls", nargs=-1, required=True)
@_path_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or report.")
@click.option("--json", "as_json", is_flag=True, help="Print the update report as JSON.")
def add_urls(urls, config_file, seeds_dir, index_dir, quiet, as_json):
    """Index the article pages at URLS now (fetched, main text extracted). A page that cannot be
    fetched stays pending and is retried by `index update`."""
    from bot.progress import RichProgress
    from bot.service import make_embedder, make_reader
    from index.add import add_pages

    _quiet_libraries()
    settings = _settings(config_file, seeds_dir, index_dir)
    progress = None if (quiet or as_json) else RichProgress("Embedding chunks")
    pages, report, fetched = add_pages(settings.index, settings.feeds, list(urls), make_embedder(settings),
                                       make_reader(settings).snapshot, progress=progress)
    _show_sync(report, fetched, quiet, as_json)
    failed = [p for p in pages if not p.ok]
    for p in failed:
        click.echo(f"Error: {p.url}: {p.error} (kept pending: `newsbot index update` tries it again)", err=True)
    if failed:
        raise SystemExit(2)


# ------------------------------------------------------------------ ask / chat


def _answer_options(fn):
    fn = click.option("--k", "k", type=click.IntRange(1, 50), default=None, help="Passages to retrieve (default 5).")(fn)
    fn = click.option("--llm", "llm", type=click.Choice(list(LLM_PROVIDERS)), default=None,
                      help="Write answers with this LLM for this run (settings [llm], env NEWSBOT_LLM; default none: "
                           "quoted sentences; gguf: the model file NEWSBOT_LLM_GGUF, served inside this process). "
                           "Every generated sentence is checked against its cited passage.")(fn)
    return _path_options(fn)


@main.command()
@click.argument("question", nargs=-1, required=True)
@_answer_options
@click.option("--json", "as_json", is_flag=True, help="Print the answer as one JSON object.")
@click.option("--passages", is_flag=True, help="Also show the retrieved passages.")
def ask(question, config_file, seeds_dir, index_dir, k, llm, as_json, passages):
    """Answer one QUESTION with citations."""
    from bot.render import answer_view, make_console, streamed
    from bot.service import make_answerer

    _quiet_libraries()
    settings = _settings(config_file, seeds_dir, index_dir, {"k": k}, llm)
    answerer = make_answerer(settings, warm_ner=False)  # one question: the model loads only if it needs it
    if as_json:
        click.echo(json.dumps(answerer.answer(" ".join(question)).to_dict(), ensure_ascii=False))
        return
    console = make_console()
    answer = streamed(console, answerer.stream(" ".join(question)))
    console.print(answer_view(answer, passages))


@main.command()
@_answer_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per answer (for scripts).")
def chat(config_file, seeds_dir, index_dir, k, llm, as_json):
    """Interactive questions with follow-ups (/sources, /reset, /help, Ctrl-D to quit).

    When stdin is not a terminal, each input line is one question and gets one answer."""
    from bot.chat import run_chat
    from bot.service import make_answerer

    _quiet_libraries()
    settings = _settings(config_file, seeds_dir, index_dir, {"k": k}, llm)
    run_chat(make_answerer(settings), settings, interactive=sys.stdin.isatty() and not as_json, as_json=as_json)


# ------------------------------------------------------------------ stories, timeline, quotes, digest


def _newsroom(config_file, seeds_dir, index_dir):
    from bot.service import make_answerer

    _quiet_libraries()
    answerer = make_answerer(_settings(config_file, seeds_dir, index_dir), warm_ner=False)
    return answerer.retriever, answerer.retriever.reader.snapshot()


def _as_of(value: str | None):
    from datetime import date

    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--as-of") from None


def _since(since: str | None, as_of: str | None, version) -> tuple[str | None, str]:
    """The cutoff date of --since, counted back from --as-of, else from today, else (an index older
    than today: an archive) from its newest article; and a note saying so in that last case."""
    from bot.newsroom import days_before, reference_day

    if since is None:
        return None, ""
    day, note = reference_day(version, _as_of(as_of) if as_of else None)
    try:
        return days_before(day, since), note
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None


_AS_OF = click.option("--as-of", default=None, metavar="DATE",
                      help="See the index as on this day: --since counts back from it, later articles are "
                           "left out (YYYY-MM-DD; default today).")


def _show(as_json: bool, payload: dict, view) -> None:
    """A newsroom command's result: `payload` as JSON, or `view(bot.reports)` in the terminal."""
    if as_json:
        click.echo(json.dumps(payload, ensure_ascii=False))
        return
    from bot import reports
    from bot.render import make_console

    make_console().print(view(reports))


def _topic_articles(version, retriever, query: str | None) -> set[str] | None:
    """The article ids of the stories a topic retrieves (None: no topic given, every article)."""
    from bot.newsroom import topic_stories

    return {a for s in topic_stories(version, retriever, query) for a in s.article_ids} if query else None


@main.command()
@_path_options
@click.option("--since", default=None, metavar="DURATION", help="Only stories with articles this recent: 24h, 3d, 2w.")
@click.option("--query", default=None, help="Only the stories of the articles this topic retrieves.")
@_AS_OF
@click.option("--json", "as_json", is_flag=True, help="Print the stories as JSON.")
def stories(config_file, seeds_dir, index_dir, since, query, as_of, as_json):
    """The stories in the index: articles that tell the same event across outlets and days,
    grouped when they are indexed. Most recent first."""
    from bot.newsroom import list_stories

    retriever, version = _newsroom(config_file, seeds_dir, index_dir)
    ids = _topic_articles(version, retriever, query)
    cutoff, note = _since(since, as_of, version)
    found = list_stories(version, since=cutoff, until=_as_of(as_of).isoformat() if as_of else None, article_ids=ids)
    by_id = {a.id: a for a in version.articles}
    listed = [s.to_dict(by_id) for s in found]
    _note(note, as_json)
    _show(as_json, {"stories": listed, **({"note": note} if note else {})}, lambda views: views.stories_view(listed))


@main.command()
@click.argument("query", nargs=-1, required=True)
@_path_options
@click.option("--json", "as_json", is_flag=True, help="Print the events as JSON.")
def timeline(query, config_file, seeds_dir, index_dir, as_json):
    """What happened when, for the stories about QUERY: one row per event, in date order, citing
    every outlet that told it, placed on the day it happened ("on Monday" in a Wednesday article is
    that Monday; when outlets disagree, the day most of them give). Sentences the reader does not
    find about QUERY are left out."""
    from bot.newsroom import topic_sources
    from bot.newsroom import timeline as build_timeline

    from bot.service import make_topic_reader

    retriever, version = _newsroom(config_file, seeds_dir, index_dir)
    text = " ".join(query)
    events = build_timeline(version, retriever, text, reader=make_topic_reader())
    # no event: the articles about the topic, so the reply says whether any is (and which)
    sources = [] if events else topic_sources(version, retriever, text)
    _show(as_json, {"query": text, "events": [e.to_dict() for e in events], "articles": sources},
          lambda views: views.timeline_view(text, events, sources))


@main.command()
@click.argument("speaker", nargs=-1, required=True)
@_path_options
@click.option("--json", "as_json", is_flag=True, help="Print the statements as JSON.")
def quotes(speaker, config_file, seeds_dir, index_dir, as_json):
    """Who said what: statements attributed to SPEAKER (a person or a body) across articles,
    direct and reported, oldest first, each cited."""
    from bot.newsroom import quotes as find_quotes

    retriever, version = _newsroom(config_file, seeds_dir, index_dir)
    name = " ".join(speaker)
    found = find_quotes(version, retriever, name)
    _show(as_json, {"speaker": name, "quotes": [q.to_dict() for q in found]},
          lambda views: views.quotes_view(name, found))


@main.command()
@_path_options
@click.option("--since", default="24h", show_default=True, metavar="DURATION", help="24h, 3d, 2w.")
@click.option("--query", default=None, help="Only the stories this topic retrieves.")
@_AS_OF
@click.option("--json", "as_json", is_flag=True, help="Print the digest as JSON.")
def digest(config_file, seeds_dir, index_dir, since, query, as_of, as_json):
    """What's new: stories with articles published since then (new stories, and new articles of
    older ones), one cited lead sentence each."""
    from bot.newsroom import digest as build_digest

    retriever, version = _newsroom(config_file, seeds_dir, index_dir)
    ids = _topic_articles(version, retriever, query)
    cutoff, note = _since(since, as_of, version)
    until = _as_of(as_of).isoformat() if as_of else None
    found = build_digest(version, cutoff, until=until, article_ids=ids)
    _note(note, as_json)
    _show(as_json, {"since": cutoff, "stories": found, **({"note": note} if note else {})},
          lambda views: views.digest_view(cutoff, found))


def _note(note: str, as_json: bool) -> None:
    """Say how a window was anchored (an archive counts back from its newest article)."""
    if note and not as_json:
        click.echo(f"({note})", err=True)


# ------------------------------------------------------------------ slack


@main.command()
@_path_options
@click.option("--http", is_flag=True, help="Serve the HTTP Events API instead of Socket Mode.")
@click.option("--port", default=3000, show_default=True, help="Port for --http.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address for --http (behind a reverse proxy; 0.0.0.0 to listen on every interface).")
@click.option("--wait-index", default=0, show_default=True, metavar="SECONDS",
              help="Wait this long for a first index version (e.g. while the watcher builds it).")
def slack(config_file, seeds_dir, index_dir, http, port, host, wait_index):
    """Run the Slack bot. Socket Mode by default (needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN);
    --http serves /slack/events and /healthz (needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET)."""
    from bot.service import make_answerer
    from bot.slack.run import run_http, run_socket_mode

    from index.versions import wait_for_index

    _quiet_libraries(verbose=True)
    settings = _settings(config_file, seeds_dir, index_dir)
    wait_for_index(settings.index.index_dir, wait_index)
    answerer = make_answerer(settings)
    if http:
        run_http(settings, answerer, host, port)
    else:
        run_socket_mode(settings, answerer)


# ------------------------------------------------------------------ llm


@main.group(cls=_Group)
def llm() -> None:
    """A local LLM server for generative answers (optional)."""


@llm.command("serve")
@click.option("--gguf", "gguf", type=click.Path(path_type=Path), required=True,
              help="An instruct model in GGUF format (none is bundled; see the README).")
@click.option("--port", default=8080, show_default=True, help="Port on 127.0.0.1.")
@click.option("--threads", default=2, show_default=True, help="CPU threads.")
@click.option("--ctx", "context", default=4096, show_default=True, help="Context window in tokens.")
def llm_serve(gguf, port, threads, context):
    """Serve a GGUF model as an OpenAI-compatible endpoint on 127.0.0.1 (llama.cpp via xllamacpp),
    for `newsbot ask --llm openai-compatible` with NEWSBOT_LLM_BASE_URL=http://127.0.0.1:PORT/v1.
    Runs until Ctrl-C."""
    import time

    from bot.llm_server import start_server

    server = start_server(gguf, port, threads, context)
    click.echo(f"serving {gguf} at http://127.0.0.1:{port}/v1 (Ctrl-C to stop)", err=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        del server
        click.echo("stopped", err=True)


# ------------------------------------------------------------------ eval


@main.group(cls=_Group, name="eval")
def eval_group() -> None:
    """Evaluate answer quality on public benchmarks."""


@eval_group.command("realtimeqa")
@click.option("--data", type=click.Path(path_type=Path, exists=True, file_okay=False), required=True,
              help="Folder with articles.jsonl.gz and questions.jsonl.gz.")
@click.option("--index", "index_dir", type=click.Path(path_type=Path), default=Path("data/eval-realtimeqa"),
              show_default=True, help="Where the evaluation index lives (reused when up to date).")
@click.option("--limit-articles", type=int, default=None, help="Only the first N articles (a quick slice).")
@click.option("--limit-questions", type=int, default=None, help="Only the first N questions.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("data/eval-realtimeqa.jsonl"),
              show_default=True, help="Per-question results (JSONL).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--llm", "llm", type=click.Choice(list(LLM_PROVIDERS)), default=None,
              help="Also answer a seeded sample of questions with this LLM (settings [llm] for the endpoint).")
@click.option("--llm-sample", default=100, show_default=True, help="Questions answered by the LLM.")
@click.option("--llm-split", type=click.Choice(["all", "dev", "heldout"]), default="all", show_default=True,
              help="Draw the LLM's sample from these questions (dev: January 2023, for tuning; heldout: the rest).")
@click.option("--seed", default=7, show_default=True, help="Seed of the LLM sample.")
@click.option("--vector-store", type=click.Choice(["faiss", "qdrant"]), default=None,
              help="Where the evaluation index keeps its vectors (default: settings index.vector_store). "
                   "qdrant uses index.qdrant_url, else qdrant-client's embedded mode in INDEX/qdrant.")
def eval_realtimeqa(data, index_dir, limit_articles, limit_questions, out, as_json, llm, llm_sample, llm_split, seed,
                    vector_store):
    """RealTime QA 2023 Q1: retrieval Hit@k/MRR per retriever, the answers (short answer and quotes)
    holding the gold answer, multiple-choice accuracy; dev (January) and held-out (February–March)
    splits apart. With --llm, generative answers on a sample too."""
    from bot.evaluate import run_realtimeqa
    from bot.progress import RichProgress

    _quiet_libraries()
    settings = _settings(None, None, index_dir, llm=llm)
    if vector_store:
        from dataclasses import replace

        url = settings.index.qdrant_url or (f"local:{index_dir / 'qdrant'}" if vector_store == "qdrant" else "")
        settings = replace(settings, index=replace(settings.index, vector_store=vector_store, qdrant_url=url))
    summary = run_realtimeqa(settings, data, out, limit_articles=limit_articles, limit_questions=limit_questions,
                             progress=None if as_json else RichProgress("Embedding chunks"),
                             llm_sample=llm_sample, seed=seed, llm_split=llm_split)
    if as_json:
        click.echo(json.dumps(summary))
    else:
        from bot.render import make_console
        from bot.reports import eval_view

        make_console().print(eval_view(summary))


@eval_group.command("squad")
@click.option("--data", type=click.Path(path_type=Path, exists=True, dir_okay=False), required=True,
              help="A SQuAD JSON file (.json or .json.gz): dev-v1.1 for sentences and spans, dev-v2.0 adds "
                   "\"no answer\" on the half of its articles not used for calibration.")
@click.option("--limit", type=int, default=None, help="A seeded sample of N questions (a quick slice).")
@click.option("--reader", "reader_name", type=click.Choice(["model", "overlap", "cosine"]), default="model",
              show_default=True, help="The trained reader, or a baseline it must beat: question-word overlap, or "
                                      "the packaged MiniLM's question-sentence cosine.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_squad(data, limit, reader_name, as_json):
    """The trained reader on SQuAD: answer-sentence top-1 within the paragraph, exact match and F1 of
    its span; with a SQuAD 2.0 file also precision/recall/F1 of "no sentence here answers"."""
    from bot.evaluate_squad import CosineReader, OverlapReader, run_squad
    from bot.progress import RichProgress
    from bot.read.model import shipped_reader

    _quiet_libraries()
    if reader_name == "cosine":
        from index.embedder import SentenceTransformerEmbedder

        reader = CosineReader(SentenceTransformerEmbedder())
    else:
        reader = shipped_reader() if reader_name == "model" else OverlapReader()
    try:
        summary = run_squad(data, reader, limit, progress=None if as_json else RichProgress("Reading"))
    except (ValueError, KeyError, OSError) as exc:
        raise NewsbotError(f"{data}: not a SQuAD file ({exc}); pass a file such as ../shared/data/squad/dev-v1.1.json.gz") from exc
    if as_json:
        click.echo(json.dumps(summary))
        return
    lines = [f"{summary['questions']:,} questions read in {summary['seconds']} s by the {summary['reader']} reader",
             f"answer sentence top-1 {summary['sentence_top1']:.3f} · exact match {summary['exact_match']:.3f} "
             f"· F1 {summary['f1']:.3f}"]
    if "no_answer" in summary:
        na = summary["no_answer"]
        lines.append(f"no answer (held-out half, {na['unanswerable']:,} unanswerable): precision "
                     f"{na['precision']:.3f} · recall {na['recall']:.3f} · F1 {na['f1']:.3f}")
    click.echo("\n".join(lines))


if __name__ == "__main__":
    main()
