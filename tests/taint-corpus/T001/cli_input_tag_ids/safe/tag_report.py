import sqlite3


def build_query(ids):
    clauses = []
    for tag_id in ids:
        clauses.append("tag_id = " + str(tag_id))
    return "SELECT post_id FROM post_tags WHERE " + " OR ".join(clauses)


def main():
    raw = input("Tag ids (comma separated): ")
    ids = [int(t) for t in raw.split(",") if t.strip()]  # safe: ids converted to int
    conn = sqlite3.connect("blog.db")
    for (post_id,) in conn.execute(build_query(ids)):
        print(post_id)


if __name__ == "__main__":
    main()
