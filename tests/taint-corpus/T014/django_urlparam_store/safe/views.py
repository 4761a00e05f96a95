from django.shortcuts import redirect


def select_store(request, store_id):
    request.session["store_id"] = store_id
    request.session.modified = True
    return redirect("catalog:index")
