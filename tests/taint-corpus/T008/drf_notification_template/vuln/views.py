from rest_framework.decorators import api_view
from rest_framework.response import Response

from notify import Notifier

TEMPLATES = {
    "welcome": "Hi {{ user.first_name }}, welcome aboard!",
    "reminder": "Hi {{ user.first_name }}, you have unfinished tasks.",
}


@api_view(["POST"])
def send_notification(request):
    template_source = request.data.get("template", TEMPLATES["welcome"])
    message = Notifier().render(template_source, request.user)
    return Response({"message": message})
