import secrets

from django.http import HttpResponseRedirect
from rest_framework.exceptions import ValidationError
from rest_framework.views import APIView

from oauth import build_callback
from oauth_clients.models import Client


class AuthorizeView(APIView):
    def get(self, request):
        client = Client.objects.get(client_id=request.query_params["client_id"])
        redirect_uri = request.query_params.get("redirect_uri", client.default_redirect_uri)
        if redirect_uri not in client.registered_redirect_uris():  # safe: allow-list guard
            raise ValidationError("redirect_uri not registered")
        code = secrets.token_urlsafe(24)
        client.grants.create(code=code, user=request.user)
        return HttpResponseRedirect(build_callback(redirect_uri, code, request.query_params.get("state")))
