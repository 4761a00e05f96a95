def return_target(form, default="/"):
    target = form.get("return", default).strip()
    return target or default
