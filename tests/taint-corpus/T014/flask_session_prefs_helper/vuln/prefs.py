def remember_preferences(sess, data):
    sess["page_size"] = data.get("page_size", 25)  # vuln: JSON value stored in the session unvalidated
    sess["compact"] = bool(data.get("compact"))
