from django.http import HttpResponse

from .widgets import render_badge


def team_badge(request):
    team = request.GET.get("team", "core")
    badge = render_badge(team)
    return HttpResponse(f"<div class='team'>{badge}</div>")
