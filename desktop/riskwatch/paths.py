"""Where things live: the bundled resources and the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

from riskwatch.options import RuntimeOptions, options_of

APP_NAME = "RiskWatch"
#: The reverse-DNS id: the name of the .desktop file, the icons, the AppStream metainfo and the macOS LaunchAgent.
APP_ID = "io.github.riskwatch.RiskWatch"


def resources_dir() -> Path:
    """The resources/ folder: inside the package in a built wheel, at the repository root in a checkout.

    The wheel build maps the repository's top-level ``resources/`` to ``riskwatch/resources``
    (see ``[tool.hatch.build.targets.wheel.force-include]`` in pyproject.toml).
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent.parent / "resources"):
        if (candidate / "README.md").is_file():
            return candidate
    raise FileNotFoundError(f"RiskWatch resources not found next to {here}")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def data_dir(explicit: str | os.PathLike | None = None, options: RuntimeOptions | None = None) -> Path:
    """``--data-dir`` wins, then ``RISKWATCH_DATA_DIR`` (read through ``options``), then the platform's
    user-data directory."""
    if explicit:
        return Path(explicit).expanduser()
    return (options or options_of()).data_dir or default_data_dir()
