import importlib


def get_exporter(dotted_path):
    module_name, _, attr = dotted_path.rpartition(".")
    module = importlib.import_module(module_name)  # vuln: module path from the query string
    return getattr(module, attr)
