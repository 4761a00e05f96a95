import os
import shelve

DATA_DIR = "/var/lib/app/profiles"


def open_profile(name):
    return shelve.open(os.path.join(DATA_DIR, name), flag="r")
