"""The workbench: a local web app over one case (FastAPI, Jinja, static files shipped here)."""

from kashf.web.app import create_app
from kashf.web.server import serve

__all__ = ["create_app", "serve"]
