import re

from django.shortcuts import render

from kb.models import Article


def search(request):
    q = request.GET.get("q", "")
    matcher = re.compile(q, re.IGNORECASE)  # vuln: query param compiled as a regex
    hits = [a for a in Article.objects.only("title", "body")[:500] if matcher.search(a.body)]
    return render(request, "kb/search.html", {"q": q, "hits": hits})
