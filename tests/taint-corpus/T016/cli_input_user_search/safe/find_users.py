import csv
import re


def main():
    pattern = re.escape(input("Search users: "))  # safe: re.escape
    rx = re.compile(pattern)
    with open("users.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            if rx.search(row["name"]):
                print(row["name"], row["email"])


if __name__ == "__main__":
    main()
