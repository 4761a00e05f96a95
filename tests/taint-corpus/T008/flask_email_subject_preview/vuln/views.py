from flask import Blueprint, request
from flask_login import current_user

from .mailer import render_email

bp = Blueprint("mail", __name__)


@bp.post("/campaigns/preview")
def preview():
    subject = request.form.get("subject", "Your order")
    return {"preview": render_email(subject, current_user)}
