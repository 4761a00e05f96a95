import jinja2


def render_email(subject, user):
    source = "Subject: " + subject + "\n\nHello {{ user.name }},\n\nThanks for your order.\n"
    return jinja2.Template(source).render(user=user)  # vuln: form field in the template source
