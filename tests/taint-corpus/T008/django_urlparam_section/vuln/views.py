from django.http import HttpResponse

from pages import render_section
from helpdesk.models import Article


def help_section(request, section):
    articles = Article.objects.filter(section__slug=section)
    return HttpResponse(render_section(section, articles))
