from rest_framework.permissions import IsAdminUser
from rest_framework.response import Response
from rest_framework.views import APIView

from services import BackupService


class BackupView(APIView):
    permission_classes = [IsAdminUser]

    def post(self, request):
        db_name = request.query_params.get("db", "main")
        path = BackupService().dump(db_name)
        return Response({"backup": path}, status=201)
