from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from cart.models import Cart


@require_POST
def add_to_cart(request, product_id):
    cart, _ = Cart.objects.get_or_create(session_key=request.session.session_key)
    cart.add(product_id, int(request.POST.get("quantity", 1)))
    back = request.headers.get("Referer", "/cart/")
    return HttpResponseRedirect(back)  # vuln: Referer header redirected to
