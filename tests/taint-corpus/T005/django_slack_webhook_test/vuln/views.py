from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from integrations import WebhookClient


@login_required
@require_POST
def test_slack_webhook(request):
    endpoint = request.POST["webhook_url"]
    status = WebhookClient().ping(endpoint, request.user.profile.workspace_name)
    return JsonResponse({"status": status})
