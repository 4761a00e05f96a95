import subprocess


def make_thumbnail(src, dst, size):
    status = subprocess.call(["convert", src, "-resize", size, dst])  # safe: argument list, no shell
    if status != 0:
        raise RuntimeError("convert failed")
    return dst
