from rest_framework.response import Response
from rest_framework.views import APIView

from sessions import SessionStore


class ResumeView(APIView):
    store = SessionStore()

    def post(self, request):
        blob = request.headers.get("X-Session-Blob", "")
        state = self.store.restore(blob) if blob else {}
        return Response({"resumed": bool(state), "cart_size": len(state.get("cart", []))})
