from urllib.parse import unquote


def render_flash(raw, level="info"):
    text = unquote(raw)
    return f"<div class='flash flash-{level}'>{text}</div>"
