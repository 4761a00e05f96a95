from django.http import HttpResponse
from django.utils.html import format_html


def user_card(request, username):
    link = format_html(f"<a class='user' href='/people/{username}/'>@{username}</a>")  # vuln: data in format_html's format string
    return HttpResponse(format_html("<div class='card'>{}</div>", link))
