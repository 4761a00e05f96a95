from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from rest_framework.decorators import api_view


@api_view(["GET", "POST"])
def logout_view(request):
    logout(request)
    target = request.query_params.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):  # safe: host check guard
        target = "/"
    return redirect(target)
