import csv
import re


def main():
    pattern = input("Search users (regex): ")
    rx = re.compile(pattern)  # vuln: typed input compiled as a regex
    with open("users.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            if rx.search(row["name"]):
                print(row["name"], row["email"])


if __name__ == "__main__":
    main()
