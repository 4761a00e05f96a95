import datetime
import os
import subprocess
import sys


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
    archive = "backup-" + datetime.date.today().isoformat() + ".tar.gz"
    subprocess.run(f"tar czf {archive} {src}", shell=True, check=True)  # vuln: argv in a shell command
    print("wrote", archive)


if __name__ == "__main__":
    main()
