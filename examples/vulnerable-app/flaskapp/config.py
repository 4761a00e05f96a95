"""Flask configuration. All credentials below are fake but shaped like real ones."""


class Config:
    # FLAW: hard-coded Flask secret key (session cookies can be forged) (SEC004)
    SECRET_KEY = "flask-dev-secret-1234"
    # FLAW: session cookie over plain HTTP and readable from JavaScript
    SESSION_COOKIE_SECURE = False
    SESSION_COOKIE_HTTPONLY = False
    SESSION_COOKIE_SAMESITE = None
    # FLAW: CSRF protection of Flask-WTF disabled
    WTF_CSRF_ENABLED = False
    # FLAW: no request size limit for uploads
    MAX_CONTENT_LENGTH = None
    UPLOAD_FOLDER = "uploads"

    # FLAW: hard-coded AWS access key pair (AWS's documented example values)
    AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
    AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    # FLAW: hard-coded Stripe-style secret key (made up)
    STRIPE_SECRET_KEY = "sk_test_FAKE0pyward0Example0Key0DoNotUse00"
    # FLAW: credentials embedded in a database URL (SEC003)
    SQLALCHEMY_DATABASE_URI = "postgresql://flask:flaskpass42@db.internal.example.com/blog"


class DevelopmentConfig(Config):
    # FLAW: debug mode in the config class the app loads by default
    DEBUG = True
