import yaml


def load_config(data: bytes):
    config = yaml.load(data, Loader=yaml.Loader)  # vuln: uploaded YAML loaded with the full Loader
    if not isinstance(config, dict):
        raise ValueError("config must be a mapping")
    return config
