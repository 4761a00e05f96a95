from fastapi import Request


def set_locale(request: Request, locale: str) -> None:
    request.session["locale"] = locale  # vuln: query param stored in the session unvalidated
