import json
import urllib.request

MIRRORS = {
    "1": "https://mirror1.example.com/packages",
    "2": "https://mirror2.example.com/packages",
}


def main():
    print("Mirrors:", ", ".join(f"{k}) {v}" for k, v in MIRRORS.items()))
    mirror = input("Mirror URL: ").strip()
    with urllib.request.urlopen(mirror + "/index.json") as resp:  # vuln: typed URL fetched
        index = json.load(resp)
    print(len(index.get("packages", [])), "packages")


if __name__ == "__main__":
    main()
