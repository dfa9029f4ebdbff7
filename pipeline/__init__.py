"""teken's pipeline, in two parts.

- `teken.pipeline.nlp`: the spaCy side: the pipeline and its components (tokenizer exceptions, gazetteer
  matcher, model focus), the shipped NER model and the commands that train it, the lookup-table cache.
- `teken.pipeline.batch`: the batch job around it: the run (read -> clean -> NLP -> extract -> write), the
  dataset writers, the command line, evaluation and the benchmark.
"""

import os

from teken._version import __version__

__all__ = ["UsageError", "__version__", "available_cores"]


class UsageError(Exception):
    """A mistake in how a command was called: one line on stderr, exit code 2, nothing written.

    Defined here rather than in `teken.pipeline.batch.cli` so that every command module can raise it
    without importing the CLI.
    """


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, as a container or `taskset` limits it), at least 1:
    the default number of `teken run` workers."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counter is not None:
        return max(1, counter() or 1)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - platforms without affinity (macOS)
        return max(1, os.cpu_count() or 1)
