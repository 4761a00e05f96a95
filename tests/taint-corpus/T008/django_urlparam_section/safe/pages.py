from django.template import Context, Template


def render_section(section, articles):
    source = "<h2>{{ section }}</h2><ul>{% for a in articles %}<li>{{ a.title }}</li>{% endfor %}</ul>"
    return Template(source).render(Context({"section": section, "articles": articles}))  # safe: constant template, data as a context variable
