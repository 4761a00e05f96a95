import datetime
import subprocess


class BackupService:
    backup_dir = "/var/backups/pg"

    def dump(self, db_name):
        stamp = datetime.datetime.now().strftime("%Y%m%d%H%M")
        out = f"{self.backup_dir}/{db_name}-{stamp}.dump"
        cmd = f"pg_dump -Fc -f {out} {db_name}"
        proc = subprocess.Popen(cmd, shell=True)  # vuln: database name in a shell command
        proc.wait()
        return out
