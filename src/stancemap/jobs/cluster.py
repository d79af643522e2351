"""Ingest on a Dask cluster: workers parse, the client stores, in partitions.

The client makes the first pass itself (``corpus.scan``: paragraph fingerprints
for boilerplate, the article count, what is skipped), keeps only the recurring
fingerprints and broadcasts them to every worker once. It then reads the
articles again lazily, drops those whose hash is already stored (recording them
as copies of the stored article, ``store.copies``), and submits partitions of
``partition_size`` articles to the cluster, never more than
``in_flight`` partitions at a time, so that neither the client nor the workers
hold more than a few partitions whatever the corpus size. Each worker process
loads the spaCy pipeline once (``load_pipeline`` is cached per process) and
returns the extracted statements of a partition; the client writes each
partition in one transaction (``Store.add_articles``), keyed by article hash.

So an interrupted ingest — a worker killed (Dask reruns its partition on
another worker), or the client killed — loses at most the partitions in
flight, and running it again stores each missing article exactly once.

``dask.distributed`` is an optional dependency (``pip install 'stancemap[dask]'``),
imported only when a cluster is asked for.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import SettingsError, StancemapError
from ..extract.boilerplate import BoilerplateIndex
from ..extract.pipeline import Extractor, load_pipeline
from ..ingest import Skipped, read_paths
from ..models import Article, Issue, Statement
from ..store import Copy, Store
from .corpus import BatchReport, Progress, scan

__all__ = ["ClusterOptions", "extract_partition", "ingest_on_cluster", "warm"]

log = logging.getLogger(__name__)

Extracted = list[tuple[Article, list[Statement]]]


@dataclass(frozen=True)
class ClusterOptions:
    """Where to run: ``workers`` local processes, or the scheduler at ``scheduler``.

    ``partition_size`` articles go to a worker at a time; ``in_flight`` partitions
    per worker thread are queued ahead (enough to keep workers busy while the
    client stores, few enough to bound memory).
    """

    workers: int | None = None
    scheduler: str | None = None
    partition_size: int = 32
    in_flight: int = 2

    def __post_init__(self) -> None:
        if (self.workers is None) == (self.scheduler is None):
            raise SettingsError("give either --workers N (a local cluster) or --scheduler URL, not both")
        if self.workers is not None and self.workers < 1:
            raise SettingsError(f"--workers must be at least 1, not {self.workers}")
        if self.partition_size < 1 or self.in_flight < 1:
            raise SettingsError("partition_size and in_flight must be at least 1")


def extract_partition(
    articles: Sequence[Article], settings: Settings, issues: Sequence[Issue], boilerplate: BoilerplateIndex
) -> Extracted:
    """Run on a worker: the statements of each article of a partition.

    The pipeline is loaded on a worker's first partition and cached for the rest.
    spaCy's own multiprocessing is off (``n_process=1``): Dask's workers are the processes.
    """
    extractor = Extractor(settings.replace(n_process=1), issues)
    return list(extractor.run(articles, boilerplate))


def _connect(options: ClusterOptions) -> tuple[Any, Any]:
    """(client, local cluster or None) for ``options``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise SettingsError("--workers and --scheduler need Dask: pip install 'stancemap[dask]'") from e
    # distributed logs every worker start and stop at INFO on its own handler
    quiet = max(logging.getLogger().getEffectiveLevel(), logging.WARNING)
    logging.getLogger("distributed").setLevel(quiet)
    if options.scheduler is not None:
        try:
            return Client(options.scheduler, timeout="30s"), None  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as e:
            raise SettingsError(f"cannot reach the Dask scheduler at {options.scheduler}: {e}") from e
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=options.workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # any free port: two runs on one machine do not clash
        silence_logs=logging.ERROR,
    )
    client = Client(cluster)  # type: ignore[no-untyped-call]
    # every worker registered before the boilerplate index is broadcast: a worker that joins
    # later gets no copy, and a worker killed holding the only copy would lose it for good
    client.wait_for_workers(options.workers or 1, timeout=120)
    return client, cluster


#: Dask settings for the run, in force while it lasts (a worker Dask restarts gets them too).
DASK_CONFIG: dict[str, Any] = {
    # Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also fixes glibc's mmap
    # threshold: every large array spaCy allocates per batch is then mapped and unmapped
    # afresh, costing 10-15% more CPU per article (measured). Workers start without it.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # Each of Dask's batched streams keeps its last N messages for debugging (default
    # 1,000, each up to 1 MB): the scheduler's stream to a worker kept every partition
    # of articles sent, so the client's memory grew with the corpus. Keep the last one.
    "distributed.admin.low-level-log-length": 1,
}


def warm(model: str) -> str:
    """Run on a worker: load the pipeline (cached for the process's later partitions)."""
    load_pipeline(model)
    return model


def _warm_up(client: Any, model: str) -> list[Any]:
    """Have every worker load the model now, in its task thread; nothing waits for it.

    The caller keeps the futures until the end: Dask cancels a task whose future is dropped.
    """
    return [
        client.submit(warm, model, workers=[address], allow_other_workers=False, pure=False)
        for address in client.nthreads()
    ]


def _partitions(paths: Sequence[str | Path], settings: Settings, size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in read_paths(paths, settings):
        if isinstance(item, Skipped):
            continue  # recorded by the first pass
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest_on_cluster(
    paths: Sequence[str | Path],
    settings: Settings,
    store: Store,
    options: ClusterOptions,
    issues: Sequence[Issue] = (),
    progress: Progress | None = None,
) -> BatchReport:
    """Extract on the cluster and store every new article under ``paths``; see the module notes."""
    try:
        import dask
    except ImportError as e:
        raise SettingsError("--workers and --scheduler need Dask: pip install 'stancemap[dask]'") from e
    with dask.config.set(DASK_CONFIG):
        return _ingest(paths, settings, store, options, issues, progress)


def _store_partition(
    store: Store, results: Extracted, boilerplate: BoilerplateIndex, in_flight: set[str], report: BatchReport
) -> int:
    """Store one extracted partition, counting what was new; how many articles it held."""
    outcome = store.add_articles(results, {a.id: boilerplate.spans(a) for a, _ in results})
    for (article, statements), new in zip(results, outcome, strict=True):
        in_flight.discard(article.id)
        if new:
            report.new += 1
            report.statements += len(statements)
        else:
            report.already += 1
    return len(results)


def _ingest(
    paths: Sequence[str | Path],
    settings: Settings,
    store: Store,
    options: ClusterOptions,
    issues: Sequence[Issue],
    progress: Progress | None,
) -> BatchReport:
    report = BatchReport()
    client, cluster = _connect(options)
    try:
        warming = _warm_up(client, settings.model)  # workers load the model while the client scans
        boilerplate, total = scan(paths, settings, report)  # only the recurring fingerprints
        if issues:
            store.add_issues(issues)
    except BaseException:
        client.close()
        if cluster is not None:
            cluster.close()
        raise
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    try:
        from distributed import as_completed

        slots = max(1, sum(client.nthreads().values())) * options.in_flight
        shared = client.scatter(boilerplate, broadcast=True)
        pending: dict[Any, int] = {}  # future -> articles in it
        in_flight: set[str] = set()  # hashes submitted, not yet stored
        copies: list[Copy] = []  # of articles stored or in flight: recorded once the run is done
        queue = as_completed()  # type: ignore[no-untyped-call]
        partitions = _partitions(paths, settings, options.partition_size)

        def submit_next() -> bool:
            for chunk in partitions:
                ids = [a.id for a in chunk]
                stored = store.stored_ids(ids)
                fresh: list[Article] = []
                for a in chunk:
                    if a.id in stored or a.id in in_flight:
                        copies.append(Copy.of(a))
                        report.already += 1
                    else:
                        in_flight.add(a.id)
                        fresh.append(a)
                advance(len(chunk) - len(fresh))
                if fresh:
                    future = client.submit(
                        extract_partition, fresh, settings, tuple(issues), shared, pure=False
                    )
                    pending[future] = len(fresh)
                    queue.add(future)  # type: ignore[no-untyped-call]
                    return True
            return False

        while len(pending) < slots and submit_next():
            pass
        for future in queue:
            n = pending.pop(future)
            try:
                results: Extracted = future.result()
            except StancemapError:
                raise
            except Exception as e:  # noqa: BLE001 - a partition that fails is reported, the run goes on
                log.error("a partition of %d articles failed on the cluster: %s", n, e)
                report.skipped.append(Skipped("(cluster)", "extract_failed", f"{n} articles: {e}"))
                advance(n)
            else:
                n = _store_partition(store, results, boilerplate, in_flight, report)
                del results  # stored: from here the client holds only the partitions still in flight
                advance(n)
            future.release()
            while len(pending) < slots and submit_next():
                pass
        report.copies += store.add_copies(copies)
        del warming
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return report
