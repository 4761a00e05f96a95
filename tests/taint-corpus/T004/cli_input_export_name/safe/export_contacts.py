import csv
import os

EXPORT_DIR = "exports"
CONTACTS = [("Ada", "ada@example.com"), ("Linus", "linus@example.com")]


def main():
    name = input("Export file name: ").strip() or "contacts.csv"
    os.makedirs(EXPORT_DIR, exist_ok=True)
    path = os.path.join(EXPORT_DIR, os.path.basename(name))  # safe: basename drops directories
    with open(path, "w", newline="") as fh:
        csv.writer(fh).writerows(CONTACTS)
    print("wrote", path)


if __name__ == "__main__":
    main()
