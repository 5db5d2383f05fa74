"""The case's storage: the SQLite database and the blob store."""

from kashf.store.blobs import BlobStore
from kashf.store.db import PAGE_SEPARATOR, Store

__all__ = ["PAGE_SEPARATOR", "BlobStore", "Store"]
