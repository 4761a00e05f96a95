import subprocess


def checkout(branch):
    print(f"switching to {branch}...")
    subprocess.run("git checkout " + branch, shell=True, check=True)  # vuln: typed branch in a shell command


def main():
    branch = input("Release branch: ").strip()
    checkout(branch)
    subprocess.run(["git", "pull", "--ff-only"], check=True)


if __name__ == "__main__":
    main()
