from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from directory import DirectoryService


@login_required
def people(request):
    q = request.GET.get("q", "").strip()
    results = DirectoryService().find_people(q) if q else []
    return render(request, "directory/people.html", {"q": q, "results": results})
