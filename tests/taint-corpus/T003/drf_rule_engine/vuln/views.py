from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.viewsets import ViewSet

from engine import RuleEngine

RULE_LIBRARY = {"amount > 1000", "country != home_country", "amount > 5 * avg_amount"}


class FraudCheckViewSet(ViewSet):
    engine = RuleEngine()

    def create(self, request):
        condition = request.data.get("condition", "amount > 1000")
        txn = request.data.get("transaction", {})
        context = {
            "amount": float(txn.get("amount", 0)),
            "country": txn.get("country", ""),
            "home_country": request.user.profile.country,
            "avg_amount": request.user.profile.avg_amount,
        }
        return Response({"flagged": self.engine.evaluate(condition, context)})
