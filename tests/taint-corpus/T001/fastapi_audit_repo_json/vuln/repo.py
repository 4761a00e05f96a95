import sqlite3


class AuditRepo:
    def __init__(self, path="audit.db"):
        self.conn = sqlite3.connect(path, check_same_thread=False)

    def log(self, user, action, detail):
        sql = "INSERT INTO audit_log (user, action, detail) VALUES ('" + user + "', '" + action + "', ?)"
        self.conn.execute(sql, (detail,))  # vuln: action string concatenated into SQL
        self.conn.commit()
