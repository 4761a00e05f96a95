import datetime
import os
import subprocess
import sys


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
    archive = "backup-" + datetime.date.today().isoformat() + ".tar.gz"
    subprocess.run(["tar", "czf", archive, src], check=True)  # safe: argument list, no shell
    print("wrote", archive)


if __name__ == "__main__":
    main()
