import html


def render_header(display_name):
    return "<header class='top'>Welcome back, %s</header>" % html.escape(display_name)  # safe: html.escape


def render_page(header, body):
    return f"<!doctype html><html><body>{header}<main>{body}</main></body></html>"
