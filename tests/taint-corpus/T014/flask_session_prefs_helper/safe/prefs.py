def remember_preferences(sess, data):
    sess["page_size"] = int(data.get("page_size", 25))  # safe: converted to int
    sess["compact"] = bool(data.get("compact"))
