from django.http import HttpResponse


def order_thanks(request, order_ref):
    return HttpResponse(
        f"<main><h1>Thank you!</h1><p>Your order #{order_ref} is confirmed.</p></main>"
    )
