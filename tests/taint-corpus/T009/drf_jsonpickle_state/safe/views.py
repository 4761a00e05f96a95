import json

import jsonpickle
from rest_framework.decorators import api_view
from rest_framework.response import Response

from wizard.models import WizardDraft


@api_view(["POST"])
def save_wizard_state(request):
    state = json.loads(request.data["state"])  # safe: json.loads
    draft, _ = WizardDraft.objects.update_or_create(user=request.user, defaults={"step": state.get("step", 1), "data": state})
    return Response({"saved": True, "step": draft.step})
