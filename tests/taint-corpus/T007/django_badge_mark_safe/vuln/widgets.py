from django.utils.html import format_html
from django.utils.safestring import mark_safe


def render_badge(label, color="blue"):
    return mark_safe(f"<span class='badge badge-{color}'>{label}</span>")  # vuln: request text marked safe
