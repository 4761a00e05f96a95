from jinja2 import BaseLoader, Environment


class Notifier:
    def __init__(self):
        self.env = Environment(loader=BaseLoader())

    def render(self, template_source, user):
        return self.env.from_string(template_source).render(user=user)
