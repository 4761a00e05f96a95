from rest_framework.response import Response
from rest_framework.views import APIView

from .geocoding import Geocoder

PROVIDERS = {
    "osm": "https://nominatim.openstreetmap.org",
    "internal": "http://geocoder.internal.example.com",
}


class GeocodeView(APIView):
    def get(self, request):
        base = PROVIDERS.get(request.query_params.get("provider", "osm"), PROVIDERS["osm"])  # safe: chosen from a dict of constants
        address = request.query_params.get("address", "")
        return Response(Geocoder(base).lookup(address))
