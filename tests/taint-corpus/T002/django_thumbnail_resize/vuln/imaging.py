import os


def make_thumbnail(src, dst, size):
    cmd = "convert %s -resize %s %s" % (src, size, dst)
    status = os.system(cmd)  # vuln: size from the form in a shell command
    if status != 0:
        raise RuntimeError("convert failed")
    return dst
