"""Ingest: type detection and one extractor per format family (the coordinator is pipeline.py)."""
