"""Settings from environment variables, with defaults for a local run: one place for all."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PLANS_DIR = PROJECT_ROOT / "data" / "plans"
DEFAULT_DB = PROJECT_ROOT / "data" / "feedback.db"

#: Smallest group whose figures are shown; DESIGN.md §5 forbids going below 5.
MIN_GROUP_FLOOR = 5


def db_path() -> Path:
    """The database file: `FEEDBACK_DB`, else `data/feedback.db` in the project."""
    return Path(os.environ.get("FEEDBACK_DB") or DEFAULT_DB)


def base_url() -> str:
    """Public address of the app, used in respondent links and posters."""
    return os.environ.get("FEEDBACK_BASE_URL", "http://localhost:8501").rstrip("/")


def min_group_size() -> int:
    """Cells with fewer answers than this are hidden (default 10, never below 5)."""
    raw = os.environ.get("FEEDBACK_MIN_GROUP", "10")
    try:
        value = int(raw)
    except ValueError:
        value = 10
    return max(value, MIN_GROUP_FLOOR)
