from rest_framework.response import Response
from rest_framework.views import APIView

from .geocoding import Geocoder

PROVIDERS = {
    "osm": "https://nominatim.openstreetmap.org",
    "internal": "http://geocoder.internal.example.com",
}


class GeocodeView(APIView):
    def get(self, request):
        base = request.query_params.get("provider", PROVIDERS["osm"])
        address = request.query_params.get("address", "")
        return Response(Geocoder(base).lookup(address))
