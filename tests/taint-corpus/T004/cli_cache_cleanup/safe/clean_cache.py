import shutil
import sys
from pathlib import Path

CACHE = Path.home().joinpath(".cache", "myapp").resolve()


def main():
    for name in sys.argv[1:]:
        target = (CACHE / name).resolve()
        if not target.is_relative_to(CACHE):  # safe: resolve().is_relative_to guard
            continue
        print("removing", target)
        shutil.rmtree(target, ignore_errors=True)


if __name__ == "__main__":
    main()
