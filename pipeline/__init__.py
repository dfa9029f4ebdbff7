"""teken's pipeline, in two parts.

- `teken.pipeline.nlp`: the spaCy side: the pipeline and its components (tokenizer exceptions, gazetteer
  matcher, model focus), the shipped NER model and the commands that train it, the lookup-table cache.
- `teken.pipeline.batch`: the batch job around it: the run (read -> clean -> NLP -> extract -> write), the
  dataset writers, the command line, evaluation and the benchmark.
"""

from teken._version import __version__

__all__ = ["UsageError", "__version__"]


class UsageError(Exception):
    """A mistake in how a command was called: one line on stderr, exit code 2, nothing written.

    Defined here rather than in `teken.pipeline.batch.cli` so that every command module can raise it
    without importing the CLI.
    """
