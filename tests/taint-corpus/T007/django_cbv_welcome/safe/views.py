from django.http import HttpResponse, JsonResponse
from django.views import View


class WelcomeView(View):
    def get(self, request):
        ref = request.GET.get("ref", "")
        campaign = ref.split(":")[0] if ":" in ref else ref
        return JsonResponse({"welcome": True, "campaign": campaign})  # safe: JSON response
