from django.http import HttpResponse
from django.utils.html import format_html


def user_card(request, username):
    link = format_html("<a class='user' href='/people/{}/'>@{}</a>", username, username)  # safe: data passed as format_html arguments
    return HttpResponse(format_html("<div class='card'>{}</div>", link))
