from django.utils.html import format_html
from django.utils.safestring import mark_safe


def render_badge(label, color="blue"):
    return format_html("<span class='badge badge-{}'>{}</span>", color, label)  # safe: format_html escapes its arguments
