"""Admin tool: python purge_sessions.py USERNAME"""
import sqlite3
import sys


def main(argv):
    if len(argv) != 2:
        print("usage: purge_sessions.py USERNAME", file=sys.stderr)
        return 2
    username = argv[1]
    conn = sqlite3.connect("/var/lib/app/app.db")
    with conn:
        cur = conn.execute(f"DELETE FROM sessions WHERE username = '{username}'")  # vuln: argv in SQL
    print(f"removed {cur.rowcount} sessions for {username}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
