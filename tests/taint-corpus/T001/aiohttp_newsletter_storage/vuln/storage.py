import psycopg2


def subscribe(record):
    conn = psycopg2.connect("dbname=marketing")
    try:
        with conn.cursor() as cur:
            cur.execute(f"INSERT INTO subscribers (email, list_name) VALUES ('{record['email']}', '{record['list']}')")  # vuln: email from the form in SQL
        conn.commit()
    finally:
        conn.close()
