from django.http import HttpResponse
from django.utils.html import escape

from catalog.models import Book


def search(request):
    q = request.GET.get("q", "")
    books = Book.objects.filter(title__icontains=q)[:20]
    items = "".join(f"<li>{b.title}</li>" for b in books)
    return HttpResponse(f"<h1>Results for {q}</h1><ul>{items}</ul>")  # vuln: query param in HTML
