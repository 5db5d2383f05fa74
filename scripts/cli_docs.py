"""Write docs/cli.md from the command line's own --help texts.

    .venv/bin/python scripts/cli_docs.py          # rewrite docs/cli.md
    .venv/bin/python scripts/cli_docs.py --check  # exit 1 when docs/cli.md is stale

A test runs --check, so the reference never drifts from the code, and fails when
a command or an option has no help text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from typer import core as typer_core

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET = ROOT / "docs" / "cli.md"


def walk(command, path: list[str]):
    yield path, command
    if hasattr(command, "commands"):
        for name in sorted(command.commands):
            yield from walk(command.commands[name], [*path, name])


def undocumented(root) -> list[str]:
    missing = []
    for path, command in walk(root, ["kashf"]):
        if len(path) > 1 and not (command.help or command.short_help):
            missing.append(" ".join(path))
        for parameter in command.params:
            if isinstance(parameter, typer_core.TyperOption) and not parameter.help:
                missing.append(f"{' '.join(path)} {parameter.opts[0]}")
    return missing


def render(root) -> str:
    lines = [
        "# Command-line reference",
        "",
        "Generated from `kashf --help` by `scripts/cli_docs.py`; a test keeps it in step with the code.",
        "Every command that shows data takes `--json`. Try one now:",
        "",
        "```bash",
        ".venv/bin/kashf --help",
        "```",
        "",
    ]
    for path, command in walk(root, ["kashf"]):
        if len(path) == 1:
            continue
        context = _context(command, path)
        usage = command.get_usage(context).replace("Usage: ", "")
        lines += [f"## `{' '.join(path)}`", "", (command.help or "").strip(), "", "```", usage]
        for parameter in command.params:
            record = parameter.get_help_record(context)
            if record:
                lines.append(f"  {record[0]:<34} {record[1]}")
        lines += ["```", ""]
    return "\n".join(lines).rstrip() + "\n"


def _context(command, path):
    from typer._click.core import Context

    return Context(command, info_name=" ".join(path))


def main() -> int:
    from kashf.cli import app

    root = typer.main.get_command(app)
    text = render(root)
    if "--check" in sys.argv:
        missing = undocumented(root)
        if missing:
            print("no help text: " + ", ".join(missing))
            return 1
        if not TARGET.exists() or TARGET.read_text() != text:
            print(f"{TARGET} is stale: run python scripts/cli_docs.py")
            return 1
        return 0
    TARGET.write_text(text)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
