import shutil
import sys
from pathlib import Path

CACHE = Path.home().joinpath(".cache", "myapp").resolve()


def main():
    for name in sys.argv[1:]:
        target = (CACHE / name).resolve()
        print("removing", target)
        shutil.rmtree(target, ignore_errors=True)  # vuln: argv in a removed path


if __name__ == "__main__":
    main()
