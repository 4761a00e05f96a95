def render_entries(entries):
    parts = ["<ul class='guestbook'>"]
    for entry in entries:
        parts.append("<li><b>{}</b>: {}</li>".format(entry["name"], entry["message"]))
    parts.append("</ul>")
    return "".join(parts)
