def render_banner(ref: str) -> str:
    label = ref.replace("-", " ").title()
    return f"<div class='banner'>Thanks for visiting from {label}!</div>"
