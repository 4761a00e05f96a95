from django.http import HttpResponse
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def preview(request):
    text = request.data.get("text", "")
    rendered = "<div class='preview'>" + text.replace("\n\n", "</p><p>").replace("\n", "<br>") + "</div>"
    return Response({"preview": rendered})  # safe: JSON response
