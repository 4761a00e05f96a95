from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from .uploads import save_upload


class DocumentUploadView(APIView):
    parser_classes = [MultiPartParser]

    def post(self, request):
        upload = request.FILES["file"]
        if upload.size > 10 * 1024 * 1024:
            return Response({"detail": "too large"}, status=413)
        filename = request.data.get("filename") or upload.name
        dest = save_upload(upload, request.user.id, filename)
        return Response({"stored": dest}, status=201)
