//! The rule catalog: every rule pyward can report, declared once.
//!
//! A row gives the id, the name (Bandit's test name for `B` rules, which `# nosec`
//! comments may use), the analyzer, the default grades, the CWE, the aliases
//! (Ruff's `S` code, Django's check id, ...), a one-line summary, and the user
//! documentation, kept in `src/rules/docs/<ID>.md`.

use super::{Analyzer, Rule};
use crate::finding::Level::{High as H, Low as L, Medium as M};

macro_rules! rules {
    ($( $id:literal, $name:literal, $an:ident, $sev:expr, $conf:expr, $cwe:literal, [$($alias:literal),*], $summary:literal; )*) => {
        pub static RULES: &[Rule] = &[
            $( Rule {
                id: $id,
                name: $name,
                analyzer: Analyzer::$an,
                severity: $sev,
                confidence: $conf,
                cwe: $cwe,
                aliases: &[$($alias),*],
                summary: $summary,
                doc: include_str!(concat!("docs/", $id, ".md")),
            }, )*
        ];
    };
}

rules! {
    "B101", "assert_used", Code, L, H, 703, ["S101"], "Use of assert detected; it is removed when compiling to optimised byte code.";
    "B102", "exec_used", Code, M, H, 95, ["S102"], "Use of exec detected.";
    "B103", "set_bad_file_permissions", Code, M, H, 732, ["S103"], "chmod setting a permissive mask on a file or directory.";
    "B104", "hardcoded_bind_all_interfaces", Code, M, M, 605, ["S104"], "Possible binding to all interfaces.";
    "B105", "hardcoded_password_string", Code, L, M, 259, ["S105"], "Possible hardcoded password.";
    "B106", "hardcoded_password_funcarg", Code, L, M, 259, ["S106"], "Possible hardcoded password passed as a function argument.";
    "B107", "hardcoded_password_default", Code, L, M, 259, ["S107"], "Possible hardcoded password as a function argument default.";
    "B108", "hardcoded_tmp_directory", Code, M, M, 377, ["S108"], "Probable insecure usage of a temporary file or directory.";
    "B110", "try_except_pass", Code, L, H, 703, ["S110"], "Try, Except, Pass detected.";
    "B112", "try_except_continue", Code, L, H, 703, ["S112"], "Try, Except, Continue detected.";
    "B113", "request_without_timeout", Code, M, L, 400, ["S113"], "HTTP request without a timeout.";
    "B201", "flask_debug_true", Code, H, M, 94, ["S201"], "A Flask app appears to be run with debug=True, which exposes the Werkzeug debugger and allows the execution of arbitrary code.";
    "B202", "tarfile_unsafe_members", Code, H, H, 22, ["S202"], "tarfile.extractall used without validating the archive members.";
    "B301", "pickle", Code, M, H, 502, ["S301"], "Pickle and modules that wrap it can be unsafe when used to deserialize untrusted data.";
    "B302", "marshal", Code, M, H, 502, ["S302"], "Deserialization with the marshal module is possibly dangerous.";
    "B303", "md5", Code, M, H, 328, ["S303"], "Use of insecure MD2, MD4, MD5, or SHA1 hash function.";
    "B304", "ciphers", Code, H, H, 327, ["S304"], "Use of insecure cipher.";
    "B305", "cipher_modes", Code, M, H, 327, ["S305"], "Use of insecure cipher mode (ECB).";
    "B306", "mktemp_q", Code, M, H, 377, ["S306"], "Use of insecure and deprecated function (mktemp).";
    "B307", "eval", Code, M, H, 95, ["S307"], "Use of possibly insecure function; consider using the safer ast.literal_eval.";
    "B308", "mark_safe", Code, M, H, 79, ["S308"], "Use of mark_safe() may expose cross-site scripting vulnerabilities.";
    "B310", "urllib_urlopen", Code, M, H, 22, ["S310"], "Audit url open for permitted schemes; file: and custom schemes are often unexpected.";
    "B311", "random", Code, L, H, 330, ["S311"], "Standard pseudo-random generators are not suitable for security/cryptographic purposes.";
    "B312", "telnetlib", Code, H, H, 319, ["S312"], "Telnet-related functions are being called; Telnet is insecure.";
    "B313", "xml_bad_cElementTree", Code, M, H, 611, ["S313"], "Using xml.etree.cElementTree to parse untrusted XML data is known to be vulnerable to XML attacks.";
    "B314", "xml_bad_ElementTree", Code, M, H, 611, ["S314"], "Using xml.etree.ElementTree to parse untrusted XML data is known to be vulnerable to XML attacks.";
    "B315", "xml_bad_expatreader", Code, M, H, 611, ["S315"], "Using xml.sax.expatreader to parse untrusted XML data is known to be vulnerable to XML attacks.";
    "B316", "xml_bad_expatbuilder", Code, M, H, 611, ["S316"], "Using xml.dom.expatbuilder to parse untrusted XML data is known to be vulnerable to XML attacks.";
    "B317", "xml_bad_sax", Code, M, H, 611, ["S317"], "Using xml.sax to parse untrusted XML data is known to be vulnerable to XML attacks.";
    "B318", "xml_bad_minidom", Code, M, H, 611, ["S318"], "Using xml.dom.minidom to parse untrusted XML data is known to be vulnerable to XML attacks.";
    "B319", "xml_bad_pulldom", Code, M, H, 611, ["S319"], "Using xml.dom.pulldom to parse untrusted XML data is known to be vulnerable to XML attacks.";
    "B321", "ftplib", Code, H, H, 319, ["S321"], "FTP-related functions are being called; FTP is insecure.";
    "B323", "unverified_context", Code, M, H, 295, ["S323"], "ssl._create_unverified_context disables certificate verification.";
    "B324", "hashlib", Code, H, H, 328, ["S324"], "Use of weak hash for security.";
    "B401", "import_telnetlib", Code, H, H, 319, ["S401"], "A telnet-related module is being imported; Telnet is insecure.";
    "B402", "import_ftplib", Code, H, H, 319, ["S402"], "A FTP-related module is being imported; FTP is insecure.";
    "B403", "import_pickle", Code, L, H, 502, ["S403"], "Consider possible security implications associated with pickle-like modules.";
    "B404", "import_subprocess", Code, L, H, 78, ["S404"], "Consider possible security implications associated with the subprocess module.";
    "B405", "import_xml_etree", Code, L, H, 611, ["S405"], "Using xml.etree to parse untrusted XML data is known to be vulnerable to XML attacks.";
    "B406", "import_xml_sax", Code, L, H, 611, ["S406"], "Using xml.sax to parse untrusted XML data is known to be vulnerable to XML attacks.";
    "B407", "import_xml_expat", Code, L, H, 611, ["S407"], "Using xml.dom.expatbuilder to parse untrusted XML data is known to be vulnerable to XML attacks.";
    "B408", "import_xml_minidom", Code, L, H, 611, ["S408"], "Using xml.dom.minidom to parse untrusted XML data is known to be vulnerable to XML attacks.";
    "B409", "import_xml_pulldom", Code, L, H, 611, ["S409"], "Using xml.dom.pulldom to parse untrusted XML data is known to be vulnerable to XML attacks.";
    "B411", "import_xmlrpclib", Code, H, H, 611, ["S411"], "Using xmlrpc to parse untrusted XML data is known to be vulnerable to XML attacks.";
    "B412", "import_httpoxy", Code, H, H, 284, ["S412"], "A CGI handler is used; CGI handlers are vulnerable to httpoxy.";
    "B413", "import_pycrypto", Code, H, H, 327, ["S413"], "The pyCrypto library and its module are no longer actively maintained and have been deprecated.";
    "B415", "import_pyghmi", Code, H, H, 319, ["S415"], "An IPMI-related module is being imported; IPMI is insecure.";
    "B501", "request_with_no_cert_validation", Code, H, H, 295, ["S501"], "HTTP request made with certificate verification disabled.";
    "B502", "ssl_with_bad_version", Code, H, H, 327, ["S502"], "SSL/TLS call with an insecure protocol version.";
    "B503", "ssl_with_bad_defaults", Code, M, M, 327, ["S503"], "Function definition with an insecure SSL/TLS protocol version as default.";
    "B504", "ssl_with_no_version", Code, L, M, 327, ["S504"], "ssl.wrap_socket call with no SSL/TLS protocol version specified.";
    "B505", "weak_cryptographic_key", Code, H, H, 326, ["S505"], "Cryptographic key generated with an insufficient key size.";
    "B506", "yaml_load", Code, M, H, 502, ["S506"], "Use of unsafe yaml load, which allows instantiation of arbitrary objects.";
    "B507", "ssh_no_host_key_verification", Code, H, M, 295, ["S507"], "Paramiko call with a policy that automatically trusts unknown host keys.";
    "B508", "snmp_insecure_version", Code, M, H, 319, ["S508"], "The use of SNMPv1 and SNMPv2 is insecure.";
    "B509", "snmp_weak_cryptography", Code, M, H, 319, ["S509"], "SNMPv3 user without authentication and privacy keys (noAuthNoPriv).";
    "B601", "paramiko_calls", Code, M, M, 78, ["S601"], "Possible shell injection via a Paramiko call.";
    "B602", "subprocess_popen_with_shell_equals_true", Code, H, H, 78, ["S602"], "subprocess call with shell=True.";
    "B603", "subprocess_without_shell_equals_true", Code, L, H, 78, ["S603"], "subprocess call without a shell; check for execution of untrusted input.";
    "B604", "any_other_function_with_shell_equals_true", Code, M, L, 78, ["S604"], "Function call with shell=True parameter.";
    "B605", "start_process_with_a_shell", Code, H, H, 78, ["S605"], "Starting a process with a shell.";
    "B606", "start_process_with_no_shell", Code, L, M, 78, ["S606"], "Starting a process without a shell.";
    "B607", "start_process_with_partial_path", Code, L, H, 78, ["S607"], "Starting a process with a partial executable path.";
    "B608", "hardcoded_sql_expressions", Code, M, M, 89, ["S608"], "Possible SQL injection vector through string-based query construction.";
    "B609", "linux_commands_wildcard_injection", Code, H, M, 155, ["S609"], "Possible wildcard injection in a call to a command that treats file names as options.";
    "B610", "django_extra_used", Code, M, M, 89, ["S610"], "Use of extra() opens a potential SQL attack vector.";
    "B611", "django_rawsql_used", Code, M, M, 89, ["S611"], "Use of RawSQL() opens a potential SQL attack vector.";
    "B612", "logging_config_insecure_listen", Code, M, H, 94, ["S612"], "logging.config.listen() without verify executes received configuration code.";
    "B613", "trojansource", Code, H, M, 838, [], "A Python source file contains bidirectional control characters.";
    "B614", "pytorch_load", Code, M, H, 502, [], "torch.load without weights_only=True can execute arbitrary code.";
    "B615", "huggingface_unsafe_download", Code, M, H, 494, [], "Hugging Face Hub download without a pinned revision.";
    "B701", "jinja2_autoescape_false", Code, H, H, 79, ["S701"], "jinja2 templates rendered without autoescaping are open to XSS.";
    "B702", "use_of_mako_templates", Code, M, H, 80, ["S702"], "Mako templates do not escape by default and are open to XSS.";
    "B703", "django_mark_safe", Code, M, H, 80, [], "mark_safe() of a value not proven to be constant may expose XSS.";
    "B704", "markupsafe_markup_xss", Code, M, H, 79, ["S704"], "Markup() of a non-literal string may expose XSS.";
    "PY001", "password-fast-hash", Code, H, M, 916, [], "A password is hashed with a fast hash function instead of a password hashing function.";
    "PY002", "weak-password-hash-params", Code, M, H, 916, [], "Password hashing with a work factor below current guidance.";
    "PY003", "plaintext-password-field", Code, M, M, 256, [], "A model field stores a password or secret as plain text.";
    "PY004", "password-stored-unhashed", Code, H, M, 256, [], "A password from the request is stored without hashing.";
    "PY005", "timing-unsafe-comparison", Code, L, M, 208, [], "A secret is compared with == instead of a constant-time comparison.";
    "PY006", "hardcoded-encryption-key", Code, H, H, 321, [], "An encryption or signing key is written in the code.";
    "PY007", "constant-iv-nonce", Code, H, H, 329, [], "An IV or nonce is a constant, so it repeats across messages.";
    "PY008", "constant-salt", Code, M, H, 760, [], "A password salt is a constant.";
    "PY009", "unauthenticated-cipher-mode", Code, L, M, 327, [], "Encryption in a mode without authentication (CBC, CTR, OFB, CFB).";
    "PY010", "rsa-pkcs1v15-encryption", Code, M, H, 780, [], "RSA encryption with PKCS#1 v1.5 padding instead of OAEP.";
    "PY011", "weak-asymmetric-key", Code, M, H, 326, [], "An RSA or DSA key shorter than 2048 bits.";
    "PY012", "insecure-random-token", Code, M, M, 330, [], "A token, password or secret is made with a predictable generator.";
    "PY013", "jwt-signature-not-verified", Code, H, H, 347, [], "A JWT is decoded without verifying its signature.";
    "PY014", "jwt-claims-not-verified", Code, M, H, 613, [], "A JWT is decoded with expiry or other claim checks switched off.";
    "PY015", "jwt-hardcoded-key", Code, H, H, 321, [], "A JWT signing key is written in the code.";
    "PY016", "cookie-without-secure", Code, M, M, 614, [], "A cookie is set without the Secure flag.";
    "PY017", "cookie-without-httponly", Code, L, M, 1004, [], "A session-like cookie is set without the HttpOnly flag.";
    "PY018", "exception-details-exposed", Code, M, M, 209, [], "Exception details are returned to the user.";
    "PY019", "exceptions-propagated", Code, M, M, 209, [], "Exceptions are propagated to the server instead of handled.";
    "PY020", "secret-logged", Code, M, M, 532, [], "A password, token or key is written to a log or printed.";
    "PY021", "mass-assignment-all-fields", Code, M, M, 915, [], "A model form or serializer binds all fields of the model.";
    "PY022", "mass-assignment-request-data", Code, H, M, 915, [], "All request fields are passed as keyword arguments to a call.";
    "PY023", "regex-catastrophic-backtracking", Code, M, M, 1333, [], "A regular expression that can take exponential time.";
    "PY024", "tls-verification-disabled", Code, H, H, 295, [], "TLS certificate or host name verification is switched off.";
    "PY025", "pickle-serializer", Code, H, H, 502, [], "Sessions or signed data are serialised with pickle.";
    "UP001", "upload-client-filename", Code, H, H, 22, [], "The client's file name of an upload reaches a file path unsanitised.";
    "UP002", "upload-no-type-check", Code, M, M, 434, [], "An upload is stored with no check of its extension or content type.";
    "UP003", "upload-served-inline", Code, M, M, 434, [], "Uploads are stored under static or template folders, or served inline.";
    "UP004", "django-static-serve", Code, M, H, 434, [], "Uploaded files are served by django.views.static.serve in the URL patterns.";
    "UP005", "upload-read-unbounded", Code, M, M, 770, [], "An upload is read whole into memory with no bound on its size.";
    "UP006", "archive-extract-unbounded", Code, M, M, 409, [], "An archive is unpacked whole with no bound on its size or members.";
    "UP007", "pillow-bomb-check-disabled", Code, M, H, 409, [], "Pillow's decompression-bomb check is switched off.";
    "UP008", "cloudinary-upload-unrestricted", Code, M, M, 434, [], "A Cloudinary upload accepts any file type, is unsigned, or a private asset gets an unsigned URL.";
    "UP009", "s3-public-acl", Code, M, M, 732, [], "Files are stored on S3 with a public ACL.";
    "UP010", "s3-presigned-url-long", Code, M, H, 613, [], "Presigned S3 URLs stay valid for more than a day.";
    "UP101", "upload-type-mismatch", Uploads, H, H, 434, [], "A stored upload's content is of another kind than its extension says.";
    "UP102", "upload-active-content", Uploads, H, H, 434, [], "The upload store holds a file that browsers or the server run (HTML, scripts, executables).";
    "UP103", "svg-active-content", Uploads, H, H, 79, [], "A stored SVG image runs script.";
    "UP104", "upload-polyglot", Uploads, H, M, 434, [], "A stored image also carries an archive, markup or server code.";
    "UP105", "archive-unsafe-members", Uploads, H, H, 22, [], "A stored archive has members with absolute or climbing paths, or links.";
    "UP106", "archive-bomb", Uploads, H, H, 409, [], "A stored archive is a decompression bomb, judged from its headers.";
    "UP107", "office-macros", Uploads, M, H, 506, [], "A stored Office document carries macros.";
    "UP108", "pdf-active-content", Uploads, M, H, 829, [], "A stored PDF carries JavaScript, launch actions, embedded files or rich media.";
    "UP109", "double-extension", Uploads, M, M, 434, [], "A stored file's name hides a server-side extension before its last one.";
    "UP110", "image-gps-exif", Uploads, L, H, 359, [], "A stored image's EXIF data holds a GPS position.";
    "DJ001", "django-security-middleware-missing", Config, M, H, 319, ["security.W001"], "SecurityMiddleware is not in MIDDLEWARE, so the HSTS, nosniff, referrer, opener-policy and SSL-redirect settings have no effect.";
    "DJ002", "django-xframe-middleware-missing", Config, M, H, 1021, ["security.W002"], "XFrameOptionsMiddleware is not in MIDDLEWARE, so pages are served without an X-Frame-Options header.";
    "DJ003", "django-csrf-middleware-missing", Config, H, H, 352, ["security.W003"], "CsrfViewMiddleware is not in MIDDLEWARE, so views are not protected against cross-site request forgery.";
    "DJ004", "django-hsts-not-set", Config, M, H, 319, ["security.W004"], "SECURE_HSTS_SECONDS is not set, so browsers are not told to insist on HTTPS.";
    "DJ005", "django-hsts-subdomains-off", Config, L, H, 319, ["security.W005"], "HSTS is on but SECURE_HSTS_INCLUDE_SUBDOMAINS is not True, so subdomains are not covered.";
    "DJ006", "django-nosniff-off", Config, L, H, 693, ["security.W006"], "SECURE_CONTENT_TYPE_NOSNIFF is not True, so responses lack the X-Content-Type-Options: nosniff header.";
    "DJ008", "django-ssl-redirect-off", Config, M, H, 319, ["security.W008"], "SECURE_SSL_REDIRECT is not True, so plain-HTTP requests are served instead of redirected to HTTPS.";
    "DJ009", "django-weak-secret-key", Config, H, H, 1391, ["security.W009"], "SECRET_KEY is empty, shorter than 50 characters, has fewer than 5 distinct characters, or is the startproject key.";
    "DJ010", "django-session-cookie-insecure-app", Config, M, H, 614, ["security.W010"], "The sessions app is installed but SESSION_COOKIE_SECURE is not True.";
    "DJ011", "django-session-cookie-insecure-middleware", Config, M, H, 614, ["security.W011"], "SessionMiddleware is in MIDDLEWARE but SESSION_COOKIE_SECURE is not True.";
    "DJ012", "django-session-cookie-insecure", Config, M, H, 614, ["security.W012"], "SESSION_COOKIE_SECURE is not True, so the session cookie is also sent over plain HTTP.";
    "DJ013", "django-session-cookie-httponly-off-app", Config, M, H, 1004, ["security.W013"], "The sessions app is installed but SESSION_COOKIE_HTTPONLY is not True.";
    "DJ014", "django-session-cookie-httponly-off-middleware", Config, M, H, 1004, ["security.W014"], "SessionMiddleware is in MIDDLEWARE but SESSION_COOKIE_HTTPONLY is not True.";
    "DJ015", "django-session-cookie-httponly-off", Config, M, H, 1004, ["security.W015"], "SESSION_COOKIE_HTTPONLY is not True, so scripts can read the session cookie.";
    "DJ016", "django-csrf-cookie-insecure", Config, M, H, 352, ["security.W016"], "CsrfViewMiddleware is in MIDDLEWARE but CSRF_COOKIE_SECURE is not True.";
    "DJ018", "django-debug-on", Config, H, H, 489, ["security.W018"], "DEBUG is on, so error pages show settings, source code and local variables.";
    "DJ019", "django-xframe-not-deny", Config, L, H, 1021, ["security.W019"], "XFrameOptionsMiddleware is in MIDDLEWARE but X_FRAME_OPTIONS is not 'DENY'.";
    "DJ020", "django-allowed-hosts-empty", Config, L, H, 16, ["security.W020"], "ALLOWED_HOSTS is empty, so the settings were not prepared for deployment.";
    "DJ021", "django-hsts-preload-off", Config, L, H, 319, ["security.W021"], "HSTS is on but SECURE_HSTS_PRELOAD is not True, so the site cannot join the browsers' preload list.";
    "DJ022", "django-referrer-policy-missing", Config, L, H, 200, ["security.W022"], "SECURE_REFERRER_POLICY is None, so no Referrer-Policy header is sent.";
    "DJ023", "django-referrer-policy-invalid", Config, L, H, 200, ["security.E023"], "SECURE_REFERRER_POLICY holds a value that is not a valid Referrer-Policy.";
    "DJ024", "django-coop-invalid", Config, L, H, 1021, ["security.E024"], "SECURE_CROSS_ORIGIN_OPENER_POLICY holds a value that is not a valid Cross-Origin-Opener-Policy.";
    "DJ025", "django-weak-secret-key-fallback", Config, H, H, 1391, ["security.W025"], "An entry of SECRET_KEY_FALLBACKS is empty, shorter than 50 characters, has fewer than 5 distinct characters, or is a startproject key.";
    "DJ026", "django-csp-not-dict", Config, L, H, 693, ["security.E026"], "SECURE_CSP or SECURE_CSP_REPORT_ONLY is neither None nor a dict.";
    "DJ027", "django-csp-nonce-without-context-processor", Config, L, H, 693, ["security.W027"], "The CSP uses a nonce but the csp context processor is not enabled, so templates cannot add it.";
    "DJ101", "django-password-validators-missing", Config, M, H, 521, [], "AUTH_PASSWORD_VALIDATORS lacks some of Django's built-in validators.";
    "DJ102", "django-password-min-length-short", Config, M, H, 521, [], "MinimumLengthValidator accepts passwords shorter than 12 characters.";
    "DJ103", "django-password-similarity-loosened", Config, M, H, 521, [], "UserAttributeSimilarityValidator is loosened, so passwords close to the username or e-mail address pass.";
    "DJ104", "django-middleware-order", Config, M, H, 696, [], "MIDDLEWARE puts security-relevant middleware in the wrong order.";
    "DJ105", "django-auth-middleware-missing", Config, H, H, 306, [], "django.contrib.auth is installed but AuthenticationMiddleware is not in MIDDLEWARE, so request.user is never set.";
    "DJ106", "django-weak-password-hasher", Config, H, H, 916, [], "The first entry of PASSWORD_HASHERS, used for new passwords, is a fast or broken hash.";
    "DJ107", "django-allowed-hosts-wildcard", Config, M, H, 644, [], "ALLOWED_HOSTS contains '*', so any Host header is accepted.";
    "DJ108", "django-csrf-trusted-origins-insecure", Config, M, H, 352, [], "CSRF_TRUSTED_ORIGINS trusts a plain-HTTP or wildcard origin.";
    "DJ109", "django-cors-all-origins-with-credentials", Config, H, H, 942, [], "django-cors-headers allows every origin together with credentials, so any website can read authenticated responses.";
    "DJ110", "django-session-samesite-none", Config, M, H, 1275, [], "SESSION_COOKIE_SAMESITE is None or 'None', so the session cookie is sent with cross-site requests.";
    "DJ111", "django-upload-permissions-world-writable", Config, M, H, 732, [], "FILE_UPLOAD_PERMISSIONS or FILE_UPLOAD_DIRECTORY_PERMISSIONS makes uploaded files or directories world-writable.";
    "DJ112", "django-upload-size-unbounded", Config, L, H, 400, [], "DATA_UPLOAD_MAX_MEMORY_SIZE is None, so request bodies of any size are read into memory.";
    "DJ113", "django-csrf-exempt", Code, M, M, 352, [], "A view is exempted from CSRF protection with csrf_exempt.";
    "DJ114", "django-admin-default-url", Code, L, M, 200, [], "The Django admin is served at the default admin/ URL.";
    "FL001", "flask-debug-config", Code, H, H, 489, [], "The Flask app's DEBUG is switched on in code.";
    "FL002", "flask-secret-key-hardcoded", Code, H, H, 798, [], "The Flask SECRET_KEY is written in the code.";
    "FL003", "flask-session-cookie-insecure", Code, M, H, 614, [], "The Flask session cookie is not marked Secure, so it is also sent over plain HTTP.";
    "FL004", "flask-session-cookie-httponly-off", Code, M, H, 1004, [], "SESSION_COOKIE_HTTPONLY is False, so scripts can read the Flask session cookie.";
    "FL005", "flask-session-samesite-none", Code, L, H, 1275, [], "SESSION_COOKIE_SAMESITE is 'None', so the Flask session cookie is sent with cross-site requests.";
    "FL006", "flask-no-csrf-protection", Code, M, L, 352, [], "A Flask app handles form posts without CSRF protection.";
    "FL007", "flask-security-headers", Code, L, L, 693, [], "A Flask app is served without flask-talisman, or with its HTTPS redirect or Content Security Policy switched off.";
    "FL008", "flask-max-content-length-unset", Code, M, L, 400, [], "A Flask app accepts file uploads but MAX_CONTENT_LENGTH is not set, so request bodies are unlimited.";
    "FL009", "flask-cors-all-with-credentials", Code, H, H, 942, [], "flask-cors allows every origin together with credentials, so any website can read authenticated responses.";
    "FL010", "flask-send-file-user-path", Code, H, M, 22, [], "send_file() is given a path built from request data.";
    "FA001", "fastapi-cors-all-with-credentials", Code, H, H, 942, [], "CORSMiddleware allows every origin together with credentials, so any website can read authenticated responses.";
    "FA002", "fastapi-docs-exposed", Code, L, L, 200, [], "A FastAPI app serves its interactive docs and OpenAPI schema: no docs_url, redoc_url or openapi_url is set.";
    "FA003", "fastapi-trusted-host", Code, L, L, 644, [], "A FastAPI or Starlette app accepts any Host header: TrustedHostMiddleware is missing or allows '*'.";
    "FA004", "fastapi-https-redirect-missing", Code, L, L, 319, [], "A FastAPI or Starlette app does not redirect plain HTTP to HTTPS with HTTPSRedirectMiddleware.";
    "FA005", "starlette-session-insecure", Code, H, H, 614, [], "Starlette's SessionMiddleware has a hard-coded secret key or a session cookie that is not https_only.";
    "DEP001", "vulnerable_dependency", Deps, M, H, 1395, [], "A pinned dependency has a known vulnerability (OSV / PyPA advisory).";
    "DEP002", "vulnerable_range", Deps, M, L, 1395, [], "A version range still allows versions with known vulnerabilities.";
    "DEP003", "unauditable_dependency", Deps, L, H, 1357, [], "A URL, VCS or local-path dependency cannot be matched against advisories.";
    "SEC001", "provider-credential", Secrets, H, H, 798, [], "A credential in a provider's known format (AWS, GitHub, Slack, Stripe, ...) is written into a file.";
    "SEC002", "private-key", Secrets, H, H, 321, [], "A private key (PEM, OpenSSH, PGP, PuTTY) is written into a file.";
    "SEC003", "password-in-url", Secrets, H, M, 798, [], "A database, broker or HTTP URL carries a password.";
    "SEC004", "framework-secret-key", Secrets, H, H, 798, [], "A Django or Flask SECRET_KEY is given a literal value.";
    "SEC005", "generic-secret", Secrets, M, M, 798, [], "A password, token or API key is assigned a literal value.";
    "T001", "sql-injection", Taint, H, H, 89, [], "Request data reaches an SQL query built as text.";
    "T002", "command-injection", Taint, H, H, 78, [], "Request data reaches an OS command run through a shell, or names the program run.";
    "T003", "code-injection", Taint, H, H, 94, [], "Request data reaches eval, exec, compile or a dynamic import.";
    "T004", "path-traversal", Taint, H, H, 22, [], "Request data reaches a file-system path that is opened, listed, written or deleted.";
    "T005", "ssrf", Taint, H, M, 918, [], "Request data chooses the URL of a request the server sends (server-side request forgery).";
    "T006", "open-redirect", Taint, M, H, 601, [], "Request data chooses where a redirect sends the user.";
    "T007", "xss", Taint, H, H, 79, [], "Request data is written unescaped into an HTML response (cross-site scripting).";
    "T008", "template-injection", Taint, H, H, 1336, [], "Request data becomes the source of a server-side template.";
    "T009", "unsafe-deserialization", Taint, H, H, 502, [], "Request data reaches a deserializer that can run code (pickle, marshal, unsafe YAML, jsonpickle, shelve).";
    "T010", "xxe", Taint, H, H, 611, [], "Request data reaches an XML parser that resolves external entities.";
    "T011", "ldap-injection", Taint, H, H, 90, [], "Request data reaches an LDAP search filter unescaped.";
    "T012", "xpath-injection", Taint, M, H, 643, [], "Request data reaches an XPath expression.";
    "T013", "header-injection", Taint, M, H, 113, [], "Request data reaches an HTTP response header value with its line breaks.";
    "T014", "trust-boundary-violation", Taint, M, M, 501, [], "Request data is stored in the session without validation.";
    "T015", "nosql-injection", Taint, H, H, 943, [], "Request data reaches a MongoDB query document as a structure or a $where expression.";
    "T016", "regex-injection", Taint, M, H, 730, [], "Request data is compiled as a regular expression.";
    "E001", "syntax_error", Errors, M, H, 0, [], "The file could not be parsed as Python; it was not analysed.";
    "E002", "unreadable_file", Errors, M, H, 0, [], "The file could not be read or decoded; it was not analysed.";
    "E003", "file_too_large", Errors, L, H, 0, [], "The file is larger than the size limit; it was skipped.";
    "E004", "unreadable_manifest", Errors, M, H, 0, [], "A dependency manifest or lock file (or a line of one) could not be parsed; it was not audited.";
}
