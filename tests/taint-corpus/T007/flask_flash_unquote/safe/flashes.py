from urllib.parse import unquote

from markupsafe import escape


def render_flash(raw, level="info"):
    text = escape(unquote(raw))  # safe: markupsafe.escape
    return f"<div class='flash flash-{level}'>{text}</div>"
