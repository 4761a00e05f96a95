import yaml


def load_config(data: bytes):
    config = yaml.load(data, Loader=yaml.SafeLoader)  # safe: SafeLoader
    if not isinstance(config, dict):
        raise ValueError("config must be a mapping")
    return config
