"""docs/cli.md is generated from the CLI's own help texts and must not drift from the code.

When this fails after a CLI change, run ``.venv/bin/python scripts/cli_docs.py`` and commit
docs/cli.md; it also fails when a command or an option has no help text.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_cli_reference_is_current_and_every_option_has_help():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "cli_docs.py"), "--check"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
