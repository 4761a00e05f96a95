import csv
import os

EXPORT_DIR = "exports"
CONTACTS = [("Ada", "ada@example.com"), ("Linus", "linus@example.com")]


def main():
    name = input("Export file name: ").strip() or "contacts.csv"
    os.makedirs(EXPORT_DIR, exist_ok=True)
    path = os.path.join(EXPORT_DIR, name)
    with open(path, "w", newline="") as fh:  # vuln: typed name in a written path
        csv.writer(fh).writerows(CONTACTS)
    print("wrote", path)


if __name__ == "__main__":
    main()
