import re


def redact(text: str, term: str) -> str:
    rx = re.compile(re.escape(term), re.IGNORECASE)  # safe: re.escape
    return rx.sub("***", text)
