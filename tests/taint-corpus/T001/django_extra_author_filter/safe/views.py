from django.core.paginator import Paginator
from django.shortcuts import render

from blog.models import Article


def article_list(request):
    filters = {"status": "published", "author": request.GET.get("author", "")}
    qs = Article.objects.all()
    where = f"status = '{filters['status']}'"  # safe: reads the constant "status" key, not the user-supplied "author"
    qs = qs.extra(where=[where])
    page = Paginator(qs.order_by("-published_at"), 20).get_page(request.GET.get("page"))
    return render(request, "blog/list.html", {"page": page})
