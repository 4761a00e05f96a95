import datetime
import shlex
import subprocess


class BackupService:
    backup_dir = "/var/backups/pg"

    def dump(self, db_name):
        stamp = datetime.datetime.now().strftime("%Y%m%d%H%M")
        out = f"{self.backup_dir}/{db_name}-{stamp}.dump"
        cmd = f"pg_dump -Fc -f {shlex.quote(out)} {shlex.quote(db_name)}"  # safe: shlex.quote
        proc = subprocess.Popen(cmd, shell=True)
        proc.wait()
        return out
