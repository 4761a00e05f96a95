import re


def redact(text: str, term: str) -> str:
    rx = re.compile(term, re.IGNORECASE)  # vuln: body field compiled as a regex
    return rx.sub("***", text)
