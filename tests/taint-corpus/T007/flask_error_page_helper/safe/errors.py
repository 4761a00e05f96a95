def error_page(message, title="Something went wrong"):
    return (
        "<!doctype html><html><head><title>%s</title></head>"
        "<body><div class='alert'>%s</div></body></html>" % (title, message)
    )
