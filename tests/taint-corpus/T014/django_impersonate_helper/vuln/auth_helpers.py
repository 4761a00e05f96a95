def start_impersonation(request, user_id):
    request.session["impersonator_id"] = request.user.pk
    request.session["impersonate_id"] = user_id  # vuln: query param stored in the session unvalidated
