import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from index.build import sync_index
from index.errors import IndexNotFound, NothingToIndex
from index.settings import IndexSettings
from index.store import IndexVersion
from index.vectors import FaissStore
from index.versions import IndexReader, current_version_path, load_current
from tests.conftest import OTHER_ARTICLES, ROOT, SEED_FILE
from tests.fakes import FailingEmbedder, HashingEmbedder


def write_others(folder: Path) -> None:
    for name, content in OTHER_ARTICLES.items():
        (folder / name).write_text(content if isinstance(content, str) else json.dumps(content))


def settings(seeds: Path, tmp_path: Path, **kw) -> IndexSettings:
    return IndexSettings(seeds_dir=seeds, index_dir=tmp_path / "index", model="hashing-test", **kw)


def test_build_publishes_a_complete_version(seeds_copy, tmp_path):
    write_others(seeds_copy)
    embedder = HashingEmbedder()
    report = sync_index(settings(seeds_copy, tmp_path), embedder)
    assert report.published and report.articles == 3 and report.skipped == []
    assert embedder.texts_embedded == report.chunks == report.embedded
    version = load_current(tmp_path / "index")
    manifest = version.manifest
    assert (manifest["articles"], manifest["chunks"], manifest["dim"], manifest["model"]) == (3, report.chunks, 64, "hashing-test")
    assert manifest["built_at"] and manifest["fingerprint"]
    assert os.path.islink(tmp_path / "index" / "current")
    titles = sorted(a.title for a in version.articles)
    assert titles[0].startswith("Peru") and version.chunk(0).text


def test_update_embeds_only_what_changed(seeds_copy, tmp_path):
    write_others(seeds_copy)
    s = settings(seeds_copy, tmp_path)
    first = sync_index(s, HashingEmbedder())

    embedder = HashingEmbedder()
    unchanged = sync_index(s, embedder)
    assert not unchanged.published and embedder.texts_embedded == 0 and unchanged.files_parsed == 0

    (seeds_copy / "new.txt").write_text("Port strike ends\nDock workers in Rotterdam ended a three-day strike on Monday.")
    embedder = HashingEmbedder()
    added = sync_index(s, embedder)
    assert added.published and len(added.added) == 1 and added.files_parsed == 1
    assert embedder.texts_embedded == 1 == added.embedded  # one short article, one chunk

    wheat = seeds_copy / "wheat.md"
    wheat.write_text(wheat.read_text() + "\nAnalysts expect prices to stay high until the spring harvest.")
    embedder = HashingEmbedder()
    changed = sync_index(s, embedder)
    assert len(changed.changed) == 1 and embedder.texts_embedded == 1

    (seeds_copy / "peru.json").unlink()
    embedder = HashingEmbedder()
    removed = sync_index(s, embedder)
    assert len(removed.removed) == 1 and embedder.texts_embedded == 0
    assert removed.articles == first.articles  # 3 + 1 new - 1 removed
    assert "Peru" not in " ".join(a.title for a in load_current(s.index_dir).articles)


def test_full_rebuild_reuses_the_embedding_cache(seeds_copy, tmp_path):
    s = settings(seeds_copy, tmp_path)
    sync_index(s, HashingEmbedder())
    embedder = HashingEmbedder()
    report = sync_index(s, embedder, full=True)
    assert report.published and embedder.texts_embedded == 0 and report.reused == report.chunks


def test_bad_files_are_skipped_and_reported_but_the_build_succeeds(seeds_copy, tmp_path):
    (seeds_copy / "broken.json").write_text("{oops")
    (seeds_copy / "blank.txt").write_text("   \n")
    report = sync_index(settings(seeds_copy, tmp_path), HashingEmbedder())
    assert report.published and report.articles == 1
    assert sorted(Path(s.path).name for s in report.skipped) == ["blank.txt", "broken.json"]
    assert len(load_current(tmp_path / "index").manifest["skipped"]) == 2
    # unchanged bad files are still reported on the next update
    again = sync_index(settings(seeds_copy, tmp_path), HashingEmbedder())
    assert len(again.skipped) == 2


def test_nothing_indexable_is_an_error(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "bad.json").write_text("[")
    with pytest.raises(NothingToIndex, match="no article could be indexed"):
        sync_index(settings(folder, tmp_path), HashingEmbedder())
    with pytest.raises(IndexNotFound):
        load_current(tmp_path / "index")


def test_duplicates_are_merged_once(seeds_copy, tmp_path):
    (seeds_copy / "copy-of-seed.txt").write_text(SEED_FILE.read_text())
    report = sync_index(settings(seeds_copy, tmp_path), HashingEmbedder())
    assert report.articles == 1 and len(report.merged) == 1
    assert report.merged[0].dropped_path.endswith("copy-of-seed.txt")
    again = sync_index(settings(seeds_copy, tmp_path), HashingEmbedder())
    assert again.articles == 1 and len(again.merged) == 1 and not again.published


def test_failed_build_leaves_previous_version_served(seeds_copy, tmp_path):
    s = settings(seeds_copy, tmp_path, batch_size=1)
    sync_index(s, HashingEmbedder())
    before = current_version_path(s.index_dir)
    reader = IndexReader(s.index_dir, check_seconds=0)
    assert len(reader.snapshot()) > 0
    write_others(seeds_copy)
    with pytest.raises(RuntimeError, match="injected"):
        sync_index(s, FailingEmbedder(after=1))
    assert current_version_path(s.index_dir) == before
    assert reader.snapshot().path.resolve() == before
    assert not list((s.index_dir / "versions").glob(".tmp-*"))
    # the next build succeeds and does not pay again for what the failed one embedded and cached
    embedder = HashingEmbedder()
    report = sync_index(s, embedder)
    assert report.published and embedder.texts_embedded < report.chunks


KILL_SCRIPT = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from tests.fakes import HashingEmbedder
from index.build import sync_index
from index.settings import IndexSettings

class Slow(HashingEmbedder):
    def embed(self, texts):
        Path({marker!r}).write_text("embedding")
        time.sleep(60)
        return super().embed(texts)

sync_index(IndexSettings(seeds_dir=Path({seeds!r}), index_dir=Path({index!r}), model="hashing-test"), Slow())
"""


def test_sigkill_mid_build_leaves_previous_version_served(seeds_copy, tmp_path):
    s = settings(seeds_copy, tmp_path)
    sync_index(s, HashingEmbedder())
    before = current_version_path(s.index_dir)
    write_others(seeds_copy)
    marker = tmp_path / "marker"
    script = KILL_SCRIPT.format(root=str(ROOT), marker=str(marker), seeds=str(seeds_copy), index=str(s.index_dir))
    proc = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.time() + 60
    while not marker.exists() and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert marker.exists(), "the build never reached embedding"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert current_version_path(s.index_dir) == before
    assert len(IndexVersion(before)) > 0
    report = sync_index(s, HashingEmbedder())  # the lock died with the process; the next build runs
    assert report.published and report.articles == 3


def test_reader_switches_to_new_version_without_failing_queries(seeds_copy, tmp_path):
    s = settings(seeds_copy, tmp_path, keep_versions=1)
    embedder = HashingEmbedder()
    sync_index(s, embedder)
    reader = IndexReader(s.index_dir, check_seconds=0)
    held = reader.snapshot()
    query = embedder.embed(["Turkey Idlib clashes"])[0]
    errors, answered = [], []
    stop = threading.Event()

    def keep_querying():
        while not stop.is_set():
            try:
                version = reader.snapshot()
                rows, _ = version.vectors.search(query, 3)
                answered.append((version.name, version.chunk(int(rows[0])).text))
            except Exception as exc:  # any failure is a test failure
                errors.append(exc)

    thread = threading.Thread(target=keep_querying)
    thread.start()
    try:
        for i in range(3):
            (seeds_copy / f"extra{i}.txt").write_text(f"Extra story {i}\nA council met on day {i} to discuss roads.")
            sync_index(s, embedder)
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join()
    assert errors == []
    assert len({name for name, _ in answered}) >= 2  # it moved to newer versions while answering
    assert reader.snapshot().manifest["articles"] == 4
    # the old snapshot still reads after its folder was pruned (memory maps outlive deletion)
    assert not held.path.exists()
    assert held.chunk(0).text and len(held.vectors.search(query, 1)[0]) == 1
    assert len(list((s.index_dir / "versions").glob("v*"))) == 1


def test_faiss_search_matches_numpy_brute_force():
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(500, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    store = FaissStore.create(32)
    store.add(vectors)
    for q in vectors[:10] + 0.1:
        q = (q / np.linalg.norm(q)).astype(np.float32)
        rows, scores = store.search(q, 10)
        expected = np.argsort(-(vectors @ q))[:10]
        assert rows.tolist() == expected.tolist()
        assert np.allclose(scores, (vectors @ q)[expected], atol=1e-5)
    mask = np.zeros(500, dtype=bool)
    mask[::2] = True
    rows, _ = store.search(vectors[1], 5, mask)
    assert all(r % 2 == 0 for r in rows)


def test_changing_the_model_setting_rebuilds_vectors(seeds_copy, tmp_path):
    sync_index(settings(seeds_copy, tmp_path), HashingEmbedder())
    embedder = HashingEmbedder()
    other = IndexSettings(seeds_dir=seeds_copy, index_dir=tmp_path / "index", model="another-model")
    report = sync_index(other, embedder)
    assert report.published and embedder.texts_embedded == report.chunks


def test_real_model_retrieves_the_seed_passage_for_the_blame_question(answerer):
    retrieval = answerer.retriever.retrieve("who blamed Turkey for the clashes in Idlib", 3)
    top = retrieval.passages[0]
    assert top.article.title == "Russia blames Turkey for recent Syria regime clashes in Idlib"
    assert "Turkey is to blame" in top.text


def test_watch_updates_after_changes_and_survives_a_failing_update(seeds_copy, tmp_path):
    from index.watch import watch

    s = settings(seeds_copy, tmp_path)
    errors, reports = [], []
    embedder = HashingEmbedder()

    def update():
        if (seeds_copy / "poison.txt").exists():
            raise RuntimeError("simulated failure")
        reports.append(sync_index(s, embedder))

    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(seeds_copy, update),
                              kwargs={"interval": 0.05, "debounce": 0.2, "stop": stop, "on_error": errors.append})
    thread.start()
    try:
        def wait(predicate, timeout=20):
            deadline = time.time() + timeout
            while not predicate() and time.time() < deadline:
                time.sleep(0.05)
            assert predicate()

        wait(lambda: len(reports) == 1)  # the initial sync
        (seeds_copy / "poison.txt").write_text("Poison\nThis update fails.")
        wait(lambda: len(errors) == 1)
        (seeds_copy / "poison.txt").unlink()
        (seeds_copy / "later.txt").write_text("Later story\nA bridge reopened after repairs on Friday.")
        wait(lambda: len(reports) == 2)
        assert reports[1].published and len(reports[1].added) == 1
        assert thread.is_alive()
    finally:
        stop.set()
        thread.join()


def test_duplicates_inside_one_file_do_not_force_a_reparse(seeds_copy, tmp_path):
    record = json.dumps(OTHER_ARTICLES["peru.json"])
    (seeds_copy / "wire.jsonl").write_text(record + "\n" + record.replace("https://example.org", "https://mirror.example") + "\n")
    first = sync_index(settings(seeds_copy, tmp_path), HashingEmbedder())
    assert first.articles == 2 and len(first.merged) == 1
    (seeds_copy / "late.txt").write_text("Late story\nThe ferry resumed service on Sunday.")
    again = sync_index(settings(seeds_copy, tmp_path), HashingEmbedder())
    assert again.files_parsed == 1  # only the new file was read
    assert again.articles == 3 and len(again.merged) == 1 and again.merged[0].dropped_path.endswith("wire.jsonl:2")


def test_incremental_bm25_matches_a_full_rebuild(seeds_copy, tmp_path):
    from index.lexical import bm25_scores

    write_others(seeds_copy)
    s = settings(seeds_copy, tmp_path)
    sync_index(s, HashingEmbedder())
    (seeds_copy / "peru.json").unlink()
    (seeds_copy / "extra.txt").write_text("Turkey and Russia\nTalks on Idlib resumed in Moscow on Monday.")
    sync_index(s, HashingEmbedder())  # re-uses the term ids of unchanged chunks
    incremental = load_current(s.index_dir)
    fresh_settings = settings(seeds_copy, tmp_path / "fresh")
    sync_index(fresh_settings, HashingEmbedder(), full=True)
    fresh = load_current(fresh_settings.index_dir)
    assert [incremental.chunk_text(i) for i in range(len(incremental))] == [fresh.chunk_text(i) for i in range(len(fresh))]
    for query in ("Turkey blamed for Idlib clashes", "wheat exports", "talks in Moscow"):
        assert np.allclose(bm25_scores(incremental.bm25, query), bm25_scores(fresh.bm25, query), atol=1e-5)


def test_hnsw_store_agrees_with_flat_on_easy_queries():
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(300, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    flat, hnsw = FaissStore.create(16, "Flat"), FaissStore.create(16, "HNSW32")
    flat.add(vectors)
    hnsw.add(vectors)
    for q in vectors[:5]:
        assert flat.search(q, 1)[0][0] == hnsw.search(q, 1)[0][0]
    mask = np.zeros(300, dtype=bool)
    mask[[1, 2, 3]] = True
    assert set(flat.search(vectors[0], 5, mask)[0].tolist()) == {1, 2, 3}
    found = set(hnsw.search(vectors[0], 5, mask)[0].tolist())
    assert found and found <= {1, 2, 3}  # (an empty result would pass a subset test alone)


def test_sentences_are_stored_with_their_terms_and_carried_over_on_update(seeds_copy, tmp_path):
    from index.lexical import terms
    from index.sentences import split_sentences

    write_others(seeds_copy)
    s = settings(seeds_copy, tmp_path)
    sync_index(s, HashingEmbedder())
    (seeds_copy / "extra.txt").write_text("Talks resumed\nTalks on Idlib resumed in Moscow on Monday. Both sides spoke.")
    sync_index(s, HashingEmbedder())  # the unchanged chunks keep their stored sentences
    version = load_current(s.index_dir)
    fresh_settings = settings(seeds_copy, tmp_path / "fresh")
    sync_index(fresh_settings, HashingEmbedder(), full=True)
    fresh = load_current(fresh_settings.index_dir)
    vocab = version.bm25.vocab
    for row in range(len(version)):
        text, table, ids = version.chunk_text(row), version.sentences(row), version.text_term_ids(row)
        assert [(a, b) for a, b, _ in table.tolist()] == split_sentences(text)
        assert table[-1, 2] == len(ids)
        before = 0
        for start, end, upto in table.tolist():
            assert ids[before:upto].tolist() == [vocab[t] for t in terms(text[start:end])]
            before = upto
        assert np.array_equal(table, fresh.sentences(row))


class StageRecorder:
    """An EmbedProgress that remembers each stage's label and total, and what was advanced."""

    def __init__(self) -> None:
        self.totals: dict[str, int] = {}
        self.advanced = 0
        self._label = ""

    def begin(self, total: int, label: str | None = None) -> None:
        self._label = label or "embedding"
        self.totals[self._label] = total

    def advance(self, n: int) -> None:
        self.advanced += n

    def end(self) -> None:
        pass


def test_entities_are_stored_per_sentence_as_the_model_reads_them_and_carried_over(seeds_copy, tmp_path):
    from index.nlp import entities_of

    write_others(seeds_copy)
    s = settings(seeds_copy, tmp_path)
    sync_index(s, HashingEmbedder())
    (seeds_copy / "extra.txt").write_text("Talks resumed\nTalks on Idlib resumed in Moscow on Monday. "
                                          "Sergei Lavrov met Mevlut Cavusoglu.")
    progress = StageRecorder()
    sync_index(s, HashingEmbedder(), progress=progress)
    assert progress.totals["Reading names (NER)"] == 2  # only the new article's two sentences were read
    version = load_current(s.index_dir)
    assert version.has_entities and version.manifest["entities"]["model"].startswith("en-core-web-sm")
    labels = set()
    for row in range(len(version)):
        text = version.chunk_text(row)
        for i, (start, end, _) in enumerate(version.sentences(row).tolist()):
            sentence = text[start:end]
            stored = version.sentence_entities(row, i, sentence)
            assert stored == entities_of([sentence])[0], sentence  # what answering would have read
            labels.update(e.label for e in stored)
    assert {"GPE", "PERSON", "DATE"} <= labels

    again = StageRecorder()
    sync_index(s, HashingEmbedder(), full=True, progress=again)  # every chunk text was read before
    assert again.totals.get("Reading names (NER)", 0) == 0
    rebuilt = load_current(s.index_dir)
    assert rebuilt.name != version.name and rebuilt.has_entities
    for row in range(len(version)):
        text = version.chunk_text(row)
        for i, (start, end, _) in enumerate(version.sentences(row).tolist()):
            assert rebuilt.sentence_entities(row, i, text[start:end]) == version.sentence_entities(row, i, text[start:end])

    off = settings(seeds_copy, tmp_path / "off", entities=False)
    sync_index(off, HashingEmbedder())
    plain = load_current(off.index_dir)
    assert not plain.has_entities and plain.sentence_entities(0, 0, "Monday") is None


# ---- corrupt version files: refused when opened, noticed while served, the build recovers

@pytest.mark.parametrize("name,damage", [
    ("chunks.npy", "empty"), ("chunk_text.bin", "half"), ("stories.json", "half"), ("articles.json", "empty"),
])
def test_a_damaged_version_file_is_named_and_refused_and_the_build_recovers(seeds_copy, tmp_path, name, damage):
    from index.errors import IndexCorrupt

    write_others(seeds_copy)
    s = settings(seeds_copy, tmp_path)
    sync_index(s, HashingEmbedder())
    path = current_version_path(s.index_dir) / name
    whole = path.read_bytes()
    path.write_bytes(b"" if damage == "empty" else whole[: len(whole) // 2])
    with pytest.raises(IndexCorrupt, match=name.replace(".", r"\.")):
        load_current(s.index_dir)
    with pytest.raises(IndexCorrupt, match="newsbot index build"):
        IndexReader(s.index_dir).snapshot()
    report = sync_index(s, HashingEmbedder())  # reads nothing of the damaged version, publishes anew
    assert report.published and len(load_current(s.index_dir).articles) == 3


def test_a_served_file_truncated_in_place_is_noticed_before_it_is_read(seeds_copy, tmp_path):
    from index.errors import IndexCorrupt

    s = settings(seeds_copy, tmp_path)
    sync_index(s, HashingEmbedder())
    reader = IndexReader(s.index_dir, check_seconds=0)
    version = reader.snapshot()
    assert version.chunk(0).text
    with open(version.path / "chunk_text.bin", "r+b") as fh:  # what a careless copy or a full disk does
        fh.truncate(10)
    with pytest.raises(IndexCorrupt, match="chunk_text.bin is 10 bytes"):
        reader.snapshot()


def test_the_cli_says_which_file_is_damaged_and_exits_2(seeds_copy, tmp_path):
    s = settings(seeds_copy, tmp_path)
    sync_index(s, HashingEmbedder())
    (current_version_path(s.index_dir) / "chunks.npy").write_bytes(b"")
    newsbot = str(Path(sys.executable).parent / "newsbot")
    run = subprocess.run([newsbot, "ask", "Who blamed Turkey?", "--index", str(s.index_dir)], capture_output=True,
                         text=True, timeout=120, env={**os.environ, "NEWSBOT_MODEL": "hashing-test"})
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "chunks.npy is 0 bytes" in lines[0] and "Aborted" not in run.stderr


def test_a_slow_feed_poll_never_holds_up_the_folder(seeds_copy, tmp_path):
    """`index watch` polls the feeds in a thread of its own: a poll stuck on a slow host for 10 s
    does not delay an update for a file dropped into the seeds folder meanwhile."""
    from index.watch import watch

    updates, polls = [], []
    release = threading.Event()

    def poll():
        polls.append(time.monotonic())
        release.wait(10)  # a host dripping its response
        return False

    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(seeds_copy, lambda: updates.append(time.monotonic())),
                              kwargs={"interval": 0.05, "debounce": 0.2, "stop": stop, "poll": poll,
                                      "poll_every": 0.1})
    thread.start()
    try:
        deadline = time.monotonic() + 5
        while (not polls or not updates) and time.monotonic() < deadline:
            time.sleep(0.05)
        dropped = time.monotonic()
        (seeds_copy / "later.txt").write_text("Later story\nA bridge reopened after repairs on Friday.")
        while len(updates) < 2 and time.monotonic() < dropped + 5:
            time.sleep(0.05)
        assert len(updates) == 2 and updates[1] - dropped < 2  # while the poll still hangs
        assert len(polls) == 1  # and no second poll piles up behind the stuck one
    finally:
        release.set()
        stop.set()
        thread.join()


def test_a_version_deleted_while_served_keeps_serving_from_its_maps(seeds_copy, tmp_path):
    import shutil

    s = settings(seeds_copy, tmp_path)
    sync_index(s, HashingEmbedder())
    reader = IndexReader(s.index_dir, check_seconds=0)
    version = reader.snapshot()
    shutil.rmtree(version.path)  # pruned, or the folder removed by hand: no SIGBUS risk, keep serving
    assert reader.snapshot() is version and version.chunk(0).text
