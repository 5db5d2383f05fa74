"""The list of enrichment stages: importing this module registers each one.

One line per stage; the runner imports this module when it needs the registry.
"""

import importlib

STAGE_MODULES = [
    "kashf.text.language_stage",  # language per document and paragraph
    "kashf.ocr.stage",  # OCR of pages without a usable text layer
    "kashf.cables.stage",  # cable / report / memo headers
    "kashf.nlp.entities_stage",  # persons, organizations, places, patterns
    "kashf.nlp.events",  # meetings, recruitment, tasking, payments, travel
]

for _module in STAGE_MODULES:
    try:
        importlib.import_module(_module)
    except ModuleNotFoundError as _error:  # TEMPORARY while stages land
        if _error.name != _module:
            raise
