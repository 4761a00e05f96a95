from django.http import HttpResponse, JsonResponse
from django.views import View


class WelcomeView(View):
    def get(self, request):
        ref = request.GET.get("ref", "")
        campaign = ref.split(":")[0] if ":" in ref else ref
        return HttpResponse("<p>Welcome! You came from " + campaign + ".</p>")  # vuln: query param in HTML
