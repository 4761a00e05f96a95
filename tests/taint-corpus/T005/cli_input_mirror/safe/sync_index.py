import json
import urllib.request

MIRRORS = {
    "1": "https://mirror1.example.com/packages",
    "2": "https://mirror2.example.com/packages",
}


def main():
    print("Mirrors:", ", ".join(f"{k}) {v}" for k, v in MIRRORS.items()))
    mirror = MIRRORS.get(input("Mirror number: ").strip(), MIRRORS["1"])  # safe: chosen from a dict of constants
    with urllib.request.urlopen(mirror + "/index.json") as resp:
        index = json.load(resp)
    print(len(index.get("packages", [])), "packages")


if __name__ == "__main__":
    main()
