from rest_framework.decorators import api_view
from rest_framework.response import Response

from notify import Notifier

TEMPLATES = {
    "welcome": "Hi {{ user.first_name }}, welcome aboard!",
    "reminder": "Hi {{ user.first_name }}, you have unfinished tasks.",
}


@api_view(["POST"])
def send_notification(request):
    template_source = TEMPLATES.get(request.data.get("template", "welcome"), TEMPLATES["welcome"])  # safe: chosen from a dict of constant templates
    message = Notifier().render(template_source, request.user)
    return Response({"message": message})
