"""What the stages read from the builder's configuration file (mkdocs.yml): the published address.

Zensical reads the same mkdocs.yml, so this is not MkDocs-specific; it
understands the one tag the file uses, `!ENV [NAME, default]`.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

CONFIG_FILE = "mkdocs.yml"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


class ConfigLoader(yaml.SafeLoader):
    """Safe YAML plus `!ENV`; other tags (pymdownx's !!python/name) read as None: nothing here needs them."""


def env_tag(loader, node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if v in os.environ), default)


ConfigLoader.add_constructor("!ENV", env_tag)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(root: Path) -> dict:
    path = root / CONFIG_FILE
    if not path.is_file():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=ConfigLoader)
    return data if isinstance(data, dict) else {}


def site_url(root: Path) -> str:
    return read_config(root).get("site_url") or DEFAULT_SITE_URL
