"""Settings from environment variables, with defaults for a local run: one place for all."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PLANS_DIR = PROJECT_ROOT / "data" / "plans"
PAGES_DIR = PROJECT_ROOT / "pages"
DEFAULT_DB = PROJECT_ROOT / "data" / "feedback.db"

#: Smallest group whose figures are shown; docs/design.md §5 forbids going below 5.
MIN_GROUP_FLOOR = 5


def store() -> str | Path:
    """Where the answers live: `FEEDBACK_DB`, a SQLite file path or a `postgresql://` URL
    (the store that several app replicas share); else the file `data/feedback.db`."""
    configured = os.environ.get("FEEDBACK_DB")
    if not configured:
        return DEFAULT_DB
    is_url = configured.startswith(("postgresql://", "postgres://"))
    return configured if is_url else Path(configured)


def secrets_path() -> Path:
    """Secrets (the cookie key) live outside the repository: `FEEDBACK_SECRETS`, else
    `~/.config/welfare-feedback/secrets.toml` (created by `feedback init`)."""
    configured = os.environ.get("FEEDBACK_SECRETS")
    if configured:
        return Path(configured)
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config_home / "welfare-feedback" / "secrets.toml"


def read_secrets() -> dict:
    """The secrets file's tables (the cookie key, single sign-on's `[auth]`), or {} while
    there is none or it cannot be read as TOML."""
    try:
        return tomllib.loads(secrets_path().read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def password_sign_in() -> bool:
    """Whether staff may sign in with a password: `FEEDBACK_PASSWORD_SIGNIN=off` leaves single
    sign-on as the only way in (default on)."""
    value = os.environ.get("FEEDBACK_PASSWORD_SIGNIN", "on").strip().lower()
    return value not in ("off", "0", "false", "no")


def base_url() -> str:
    """Public address of the app, used in respondent links and posters."""
    return os.environ.get("FEEDBACK_BASE_URL", "http://localhost:8501").rstrip("/")


def sotkanet_url() -> str:
    """Where `feedback indicators fetch` reads THL's Sotkanet REST API 1.1: `FEEDBACK_SOTKANET_URL`
    (a mirror, or a recording on loopback in the tests), else the service itself."""
    return os.environ.get("FEEDBACK_SOTKANET_URL", "https://sotkanet.fi/rest/1.1").rstrip("/")


def min_group_size() -> int:
    """Cells with fewer answers than this are hidden (default 10, never below 5)."""
    raw = os.environ.get("FEEDBACK_MIN_GROUP", "10")
    try:
        value = int(raw)
    except ValueError:
        value = 10
    return max(value, MIN_GROUP_FLOOR)


def _number(name: str, default: float, *, floor: float = 0) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        value = default
    return max(value, floor)


#: A kiosk must warn at least this long before it resets (WCAG 2.2.1 timing adjustable).
KIOSK_WARNING_FLOOR = 20


def kiosk_idle_seconds() -> float:
    """Inactivity after which a shared tablet starts over for the next person."""
    return _number("FEEDBACK_KIOSK_IDLE", 90, floor=KIOSK_WARNING_FLOOR + 10)


def kiosk_warning_seconds() -> float:
    """How long before the reset the "are you still there?" warning shows (at least 20 s)."""
    return _number("FEEDBACK_KIOSK_WARNING", 25, floor=KIOSK_WARNING_FLOOR)


def kiosk_thanks_seconds() -> float:
    """How long the thank-you stays before the kiosk is ready for the next person."""
    return _number("FEEDBACK_KIOSK_THANKS", 5, floor=2)


def kiosk_min_interval() -> float:
    """Answers on one kiosk closer together than this are kept but flagged as possible misuse."""
    return _number("FEEDBACK_KIOSK_MIN_INTERVAL", 3)


def pace_burst() -> float:
    """Answers a round takes at once before the pace guard flags any (`feedback.rounds.pace`):
    a school class answering together from a poster (default 30, never below 5)."""
    return _number("FEEDBACK_PACE_BURST", 30, floor=5)


def pace_per_minute() -> float:
    """How many answers a minute refill a round's burst (default 4: a class of 30 again after
    about 8 minutes, a steady trickle past a poster never flagged; never below 1)."""
    return _number("FEEDBACK_PACE_PER_MINUTE", 4, floor=1)


def memory_growth_mb() -> float:
    """How much the app process may grow before the memory guard runs a full collection."""
    return _number("FEEDBACK_MEMORY_GROWTH_MB", 48, floor=8)


def body_seconds() -> float:
    """How long a client has to send a request's body (`FEEDBACK_BODY_SECONDS`, default 30):
    a 2 MB plan upload on slow mobile data fits; a client that claims a body and sends
    nothing is let go."""
    return _number("FEEDBACK_BODY_SECONDS", 30, floor=1)


def max_sessions() -> int:
    """How many Streamlit sessions (open websockets) one app process holds before it answers
    "busy, try again in a moment" (`FEEDBACK_MAX_SESSIONS`): about 0.1 MB each when ordinary
    and at most a few widget values of 16 KB (feedback.ui.websocket_guard), so the default
    keeps them well within a process's 250 MB memory budget (benchmarks/memory_flood.py)."""
    return int(_number("FEEDBACK_MAX_SESSIONS", 1000, floor=1))


def new_sessions_burst() -> float:
    """How many Streamlit sessions one client address opens at once before it waits
    (`FEEDBACK_NEW_SESSIONS_BURST`, default 60: a school class behind one address, each child
    opening the page and reconnecting once; never below 10)."""
    return _number("FEEDBACK_NEW_SESSIONS_BURST", 60, floor=10)


def new_sessions_per_minute() -> float:
    """How many new sessions a minute refill a client address's burst
    (`FEEDBACK_NEW_SESSIONS_PER_MINUTE`, default 60; never below 6)."""
    return _number("FEEDBACK_NEW_SESSIONS_PER_MINUTE", 60, floor=6)


def reruns_per_minute() -> float:
    """How many messages a minute (a click, a choice, a form sent: each runs a page once) one
    client address's sessions send before each next one waits its turn
    (`FEEDBACK_RERUNS_PER_MINUTE`, default 600: ten kiosks of a school behind one address;
    a burst of as many is taken at once; never below 60)."""
    return _number("FEEDBACK_RERUNS_PER_MINUTE", 600, floor=60)


def bcrypt_rounds() -> int:
    """bcrypt's work factor (default 12); the test suite lowers it to stay fast."""
    try:
        return min(max(int(os.environ.get("FEEDBACK_BCRYPT_ROUNDS", "12")), 4), 16)
    except ValueError:
        return 12


def bcrypt_workers() -> int:
    """How many sign-ins may run bcrypt at once (`FEEDBACK_BCRYPT_WORKERS`, default 1): the
    other cores stay free for answers however many sign-in forms arrive."""
    try:
        return min(max(int(os.environ.get("FEEDBACK_BCRYPT_WORKERS", "1")), 1), 64)
    except ValueError:
        return 1


def organisation_name() -> str | None:
    """The municipality (or county) that runs the service and controls its data:
    `FEEDBACK_ORG_NAME`; None until it is set, so that no page names a made-up one."""
    return _text("FEEDBACK_ORG_NAME")


def accessibility_contact() -> str | None:
    """Where accessibility feedback goes (an e-mail address or other contact, Act 306/2019):
    `FEEDBACK_ACCESSIBILITY_EMAIL`; None until it is set."""
    return _text("FEEDBACK_ACCESSIBILITY_EMAIL")


def privacy_contact() -> str | None:
    """The controller's data protection contact for data subjects' questions and requests
    (GDPR art. 13): `FEEDBACK_PRIVACY_EMAIL`; None until it is set."""
    return _text("FEEDBACK_PRIVACY_EMAIL")


#: Comments are never kept for less than a month: a shorter setting is almost surely a mistake.
COMMENT_MONTHS_FLOOR = 1


def comment_retention_months() -> int:
    """How many months comments are kept (`FEEDBACK_COMMENT_MONTHS`, default 24, never below
    1): what the privacy notice promises and the retention command deletes by."""
    try:
        value = int(os.environ.get("FEEDBACK_COMMENT_MONTHS", "24"))
    except ValueError:
        value = 24
    return max(value, COMMENT_MONTHS_FLOOR)


def local_help() -> str | None:
    """The municipality's own contacts for a child who needs to talk to someone (the school
    social worker's number, the youth centre …), shown as text beside the national helpline:
    `FEEDBACK_HELP_CONTACTS`; None until it is set."""
    return _text("FEEDBACK_HELP_CONTACTS")


def smtp_url() -> str | None:
    """The municipality's mail relay for safeguarding alerts: `FEEDBACK_SMTP_URL`,
    `smtp://[user:password@]host[:port]` (STARTTLS when the server offers it, required with a
    password) or `smtps://…` (TLS from the start); None until it is set (alerts wait)."""
    return _text("FEEDBACK_SMTP_URL")


def alert_seconds() -> float:
    """How often each app process looks for safeguarding alerts to send
    (`FEEDBACK_ALERT_SECONDS`, default 15: an alert is out well within the minute)."""
    return _number("FEEDBACK_ALERT_SECONDS", 15, floor=1)


def escalation_hours() -> float:
    """How long a sent safeguarding alert may wait unhandled before it is sent again to the
    actor's escalation contacts and the admins (`FEEDBACK_ALERT_ESCALATION_HOURS`, default 4)."""
    return _number("FEEDBACK_ALERT_ESCALATION_HOURS", 4, floor=0.25)


def alert_sender() -> str:
    """The From address of safeguarding alerts (`FEEDBACK_ALERT_FROM`)."""
    return _text("FEEDBACK_ALERT_FROM") or "feedback@localhost"


def _text(name: str) -> str | None:
    value = " ".join(os.environ.get(name, "").split())
    return value or None
