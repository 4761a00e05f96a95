import shlex
import subprocess


def checkout(branch):
    print(f"switching to {branch}...")
    subprocess.run("git checkout " + shlex.quote(branch), shell=True, check=True)  # safe: shlex.quote


def main():
    branch = input("Release branch: ").strip()
    checkout(branch)
    subprocess.run(["git", "pull", "--ff-only"], check=True)


if __name__ == "__main__":
    main()
