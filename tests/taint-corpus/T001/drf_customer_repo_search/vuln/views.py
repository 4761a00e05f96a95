from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .repository import CustomerRepo


class CustomerSearchView(APIView):
    permission_classes = [IsAuthenticated]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.repo = CustomerRepo()

    def get(self, request):
        term = request.query_params.get("q", "")
        if len(term) < 2:
            raise ValidationError({"q": "at least two characters"})
        return Response({"results": self.repo.search(term)})
