import subprocess


class Transcoder:
    def __init__(self, ffmpeg="/usr/bin/ffmpeg"):
        self.ffmpeg = ffmpeg

    def run(self, source, preset, target):
        command = " ".join([self.ffmpeg, "-y", "-i", source, "-preset", preset, target])
        return subprocess.run(command, shell=True).returncode  # vuln: preset from the body in a shell command
