from django.conf import settings
from django.http import HttpResponse

THEMES_DIR = settings.BASE_DIR / "themes"
THEMES = {"default", "dark", "solarized", "high-contrast"}


def theme_css(request):
    theme = request.COOKIES.get("theme", "default")
    with open(f"{THEMES_DIR}/{theme}.css", encoding="utf-8") as fh:  # vuln: cookie in a file path
        css = fh.read()
    response = HttpResponse(css, content_type="text/css")
    response["Cache-Control"] = "max-age=3600"
    return response
