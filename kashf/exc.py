"""The one exception tree: callers catch KashfError; anything else is a bug."""


class KashfError(Exception):
    """Base of every error kashf raises on purpose."""


class CaseError(KashfError):
    """The case folder is missing, damaged or of an unknown version."""


class IngestError(KashfError):
    """A file could not be extracted; the message is a one-line reason for a journalist."""


class StageError(KashfError):
    """An enrichment stage could not run on a document."""


class QueryError(KashfError):
    """A search query could not be parsed."""
