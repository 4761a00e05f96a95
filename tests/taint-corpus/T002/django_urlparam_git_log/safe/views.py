import subprocess

from django.conf import settings
from django.http import Http404, HttpResponse


def repo_log(request, repo):
    if repo not in settings.PUBLIC_REPOS:  # safe: allow-list guard
        raise Http404("unknown repository")
    out = subprocess.check_output(
        f"git -C /srv/git/{repo}.git log --oneline -n 20",
        shell=True,
        text=True,
    )
    return HttpResponse(out, content_type="text/plain")
