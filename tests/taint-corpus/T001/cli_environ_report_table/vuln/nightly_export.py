import csv
import os
import sys

import psycopg2

KNOWN_TABLES = ("daily_stats", "weekly_stats", "monthly_stats")


def export(table, out_path):
    conn = psycopg2.connect(os.environ.get("DATABASE_URL", "dbname=metrics"))
    with conn.cursor() as cur, open(out_path, "w", newline="") as fh:
        cur.execute("SELECT * FROM " + table + " ORDER BY day")  # vuln: environment variable as table name
        writer = csv.writer(fh)
        writer.writerow([d[0] for d in cur.description])
        writer.writerows(cur)


if __name__ == "__main__":
    table = os.environ.get("REPORT_TABLE", "daily_stats")
    export(table, sys.argv[1] if len(sys.argv) > 1 else "export.csv")
