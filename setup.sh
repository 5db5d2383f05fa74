#!/usr/bin/env bash
# kashf set-up on a fresh Debian/Ubuntu machine, then the job you ask for:
#
#   ./setup.sh demo    set up, build the example case, serve the workbench (the quick start)
#   ./setup.sh test    set up, then run the whole test suite (what CI runs)
#   ./setup.sh         set up only
#
# What it does: installs the Debian packages kashf uses (Tesseract with Persian, Arabic and
# English models, Chromium for the browser tests, archive tools) through sudo when not root,
# creates .venv in this folder with the pinned Python packages and kashf itself, so that
# .venv/bin/kashf is the command line. Nothing is downloaded at run time afterwards.
set -euo pipefail
cd "$(dirname "$0")"
MODE="${1:-setup}"
shift || true

say() { printf '\033[1mkashf setup:\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[33mkashf setup: warning:\033[0m %s\n' "$*" >&2; }

# --- 1. system packages ----------------------------------------------------------------------
missing_packages() {
  local wanted=() pkg
  for file in requirements/*.apt; do
    [ -f "$file" ] || continue
    while read -r pkg; do
      pkg="${pkg%%#*}"; pkg="${pkg// /}"
      [ -n "$pkg" ] && wanted+=("$pkg")
    done <"$file"
  done
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done | sort -u
}

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { warn "not a Debian/Ubuntu system: install Tesseract (fas, ara, eng) and Chromium yourself"; return 0; }
  local missing
  missing=$(missing_packages | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0
  local run=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      run=(sudo)
    elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
      run=(sudo)
    else
      warn "cannot install system packages without root. Run this one line, then run me again:"
      warn "  sudo apt-get install -y $missing"
      warn "carrying on: OCR and the browser tests stay off until then."
      return 0
    fi
  fi
  say "installing system packages: $missing"
  export DEBIAN_FRONTEND=noninteractive
  if ! "${run[@]}" apt-get install -y -o DPkg::Lock::Timeout=600 --no-install-recommends $missing >/dev/null 2>&1; then
    "${run[@]}" apt-get update -o DPkg::Lock::Timeout=600 >/dev/null 2>&1 || true
    "${run[@]}" apt-get install -y -o DPkg::Lock::Timeout=600 --no-install-recommends $missing >/dev/null \
      || warn "some system packages did not install ($missing): the features that need them stay off"
  fi
}

# --- 2. Python environment -------------------------------------------------------------------
pick_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

make_venv() {
  local python
  python=$(pick_python) || { warn "kashf needs Python 3.11 or newer: sudo apt-get install -y python3 python3-venv"; exit 1; }
  if [ ! -x .venv/bin/python ]; then
    say "creating .venv with $python"
    "$python" -m venv .venv 2>/dev/null || {
      warn "python3-venv is missing: sudo apt-get install -y python3-venv"; exit 1; }
  fi
  local stamp=.venv/.kashf-lock-hash
  local want
  want=$(cat requirements/lock.txt pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing pinned Python packages (requirements/lock.txt)"
    .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements/lock.txt
    .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e . 2>/dev/null \
      || .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
    echo "$want" >"$stamp"
  fi
}

install_system_packages
make_venv
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1

case "$MODE" in
  setup) say "ready: .venv/bin/kashf --help" ;;
  demo) exec .venv/bin/kashf demo "$@" ;;
  test) exec .venv/bin/python -m pytest -q "$@" ;;
  *) warn "unknown mode '$MODE' (use demo, test, or nothing)"; exit 2 ;;
esac
