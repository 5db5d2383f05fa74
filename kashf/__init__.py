"""kashf — an offline investigation workbench for leaked cables and document dumps."""

__version__ = "0.1.0"
