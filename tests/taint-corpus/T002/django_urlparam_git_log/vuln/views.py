import subprocess

from django.conf import settings
from django.http import Http404, HttpResponse


def repo_log(request, repo):
    out = subprocess.check_output(
        f"git -C /srv/git/{repo}.git log --oneline -n 20",  # vuln: URL segment in a shell command
        shell=True,
        text=True,
    )
    return HttpResponse(out, content_type="text/plain")
