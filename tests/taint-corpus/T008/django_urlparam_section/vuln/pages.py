from django.template import Context, Template


def render_section(section, articles):
    source = f"<h2>{section}</h2><ul>{{% for a in articles %}}<li>{{{{ a.title }}}}</li>{{% endfor %}}</ul>"
    return Template(source).render(Context({"articles": articles}))  # vuln: URL segment in the template source
