//! The taint models, as data: sources, sinks, sanitizers and guards per
//! framework and library. Adding a case means adding a row.
//!
//! Names are qualified the way [`crate::python::names::Imports`] resolves them
//! (`flask.redirect`, `django.http.HttpResponse`); a row matches a qualified
//! name exactly or, when it starts with `.`, as its last segments
//! (`.objects.raw` matches `Article.objects.raw`).

/// A sink class: one rule each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Class {
    Sql = 0,
    Cmd,
    Code,
    Path,
    Ssrf,
    Redirect,
    Xss,
    Template,
    Deser,
    Xxe,
    Ldap,
    Xpath,
    Header,
    Session,
    Nosql,
    Regex,
}

pub const CLASSES: [Class; 16] = [
    Class::Sql,
    Class::Cmd,
    Class::Code,
    Class::Path,
    Class::Ssrf,
    Class::Redirect,
    Class::Xss,
    Class::Template,
    Class::Deser,
    Class::Xxe,
    Class::Ldap,
    Class::Xpath,
    Class::Header,
    Class::Session,
    Class::Nosql,
    Class::Regex,
];

impl Class {
    pub const fn bit(self) -> u32 {
        1 << self as u32
    }
    pub fn rule(self) -> &'static str {
        [
            "T001", "T002", "T003", "T004", "T005", "T006", "T007", "T008", "T009", "T010", "T011", "T012", "T013",
            "T014", "T015", "T016",
        ][self as usize]
    }
    /// What the data reaches, for messages ("request data reaches {what}").
    pub fn what(self) -> &'static str {
        [
            "an SQL query",
            "an OS command",
            "code that is evaluated",
            "a file-system path",
            "the URL of a server-side request",
            "a redirect target",
            "an HTML response",
            "a template's source",
            "a deserializer",
            "an XML parser that resolves external entities",
            "an LDAP filter",
            "an XPath expression",
            "an HTTP response header",
            "the session",
            "a NoSQL query",
            "a regular expression",
        ][self as usize]
    }
    /// Pattern rules that flag the same call; a taint finding at the same
    /// line replaces them.
    pub fn pattern_rules(self) -> &'static [&'static str] {
        match self {
            Class::Sql => &["B608", "B610", "B611"],
            Class::Cmd => &["B602", "B603", "B604", "B605", "B606", "B607", "B609"],
            Class::Code => &["B102", "B307"],
            Class::Path => &["UP001"],
            Class::Ssrf => &["B310"],
            Class::Xss => &["B308", "B703", "B704"],
            Class::Deser => &["B301", "B302", "B506"],
            Class::Xxe => &["B313", "B314", "B315", "B316", "B317", "B318", "B319", "B320"],
            _ => &[],
        }
    }
}

/// Every sink class.
pub const ALL: u32 = 0xFFFF;
/// The value may be a structure decoded from JSON (a dict can carry query
/// operators), not only text.
pub const STRUCT: u32 = 1 << 16;
/// Bits a fixed scheme and host at the start of a URL clears.
pub const URL_FIXED: u32 = Class::Ssrf.bit() | Class::Redirect.bit();

/// Marks a source whose value is the path of the current request: it is
/// client data, but redirecting to it stays on this site (the bits of these
/// rows are removed from the source's, not added).
pub const NOT_REDIRECT: u32 = 1 << 31;

/// Attributes of a request object that hold client data
/// (Django, DRF, Flask/Werkzeug, Starlette, aiohttp).
pub const REQUEST_ATTRS: &[(&str, u32)] = &[
    ("GET", 0),
    ("POST", 0),
    ("COOKIES", 0),
    ("META", 0),
    ("headers", 0),
    ("body", 0),
    ("FILES", 0),
    ("data", STRUCT),
    ("query_params", 0),
    ("args", 0),
    ("form", 0),
    ("values", 0),
    ("json", STRUCT),
    ("cookies", 0),
    ("files", 0),
    ("view_args", 0),
    ("match_info", 0),
    ("query", 0),
    ("path_params", 0),
    ("url", 0),
    ("path", NOT_REDIRECT),
    ("path_info", NOT_REDIRECT),
    ("full_path", NOT_REDIRECT),
    ("query_string", 0),
    ("rel_url", 0),
    ("raw_path", 0),
    ("stream", 0),
    ("content", 0),
    ("referrer", 0),
    ("user_agent", 0),
];

/// Methods of a request object whose result is client data.
pub const REQUEST_METHODS: &[(&str, u32)] = &[
    ("get_json", STRUCT),
    ("get_data", 0),
    ("json", STRUCT),
    ("form", 0),
    ("body", 0),
    ("post", 0),
    ("text", 0),
    ("read", 0),
    ("get_full_path", NOT_REDIRECT),
    ("build_absolute_uri", NOT_REDIRECT),
    ("multipart", 0),
];

/// Calls whose result is client data at low confidence (command line,
/// console, environment).
pub const WEAK_SOURCE_CALLS: &[&str] = &["input", "raw_input", "os.getenv", "os.environ.get", "os.getenvb"];
/// Attribute chains that are weak sources.
pub const WEAK_SOURCE_ATTRS: &[&str] = &["sys.argv", "os.environ"];

/// Names under which a view receives the request object.
pub const REQUEST_PARAM_NAMES: &[&str] = &["request", "req"];
/// Qualified names of framework-global request objects.
pub const GLOBAL_REQUESTS: &[&str] = &["flask.request", "quart.request", "werkzeug.request", "bottle.request"];
/// Attributes of `self` in a `http.server` request handler that hold client data.
pub const HANDLER_ATTRS: &[&str] = &["path", "headers", "rfile", "requestline", "raw_requestline"];
/// Bases that make a class an `http.server` request handler.
pub const HANDLER_BASES: &[&str] =
    &["BaseHTTPRequestHandler", "SimpleHTTPRequestHandler", "CGIHTTPRequestHandler", "StreamRequestHandler"];

/// Calls that clean their result for the given classes (`ALL` for every
/// class). The result of any other call carries the taint of its arguments
/// (and of its receiver, for a method) unless a project summary says
/// otherwise.
pub const SANITIZERS: &[(&str, u32)] = &[
    // Conversions to non-text types and functions whose result is not text.
    ("int", ALL | STRUCT),
    ("float", ALL | STRUCT),
    ("bool", ALL | STRUCT),
    ("complex", ALL | STRUCT),
    ("len", ALL | STRUCT),
    ("hash", ALL | STRUCT),
    ("ord", ALL | STRUCT),
    ("abs", ALL | STRUCT),
    ("round", ALL | STRUCT),
    ("id", ALL | STRUCT),
    ("isinstance", ALL | STRUCT),
    ("hasattr", ALL | STRUCT),
    ("callable", ALL | STRUCT),
    ("uuid.UUID", ALL | STRUCT),
    ("decimal.Decimal", ALL | STRUCT),
    ("datetime.datetime.strptime", ALL | STRUCT),
    ("datetime.date.fromisoformat", ALL | STRUCT),
    ("datetime.datetime.fromisoformat", ALL | STRUCT),
    ("ipaddress.ip_address", ALL | STRUCT),
    ("bson.ObjectId", ALL | STRUCT),
    ("bson.objectid.ObjectId", ALL | STRUCT),
    ("str", STRUCT),
    // Digests.
    (".hexdigest", ALL | STRUCT),
    (".digest", ALL | STRUCT),
    ("hmac.compare_digest", ALL | STRUCT),
    ("secrets.compare_digest", ALL | STRUCT),
    // Rendering through templates with autoescaping, and JSON responses:
    // the result is a response or a page, not the data.
    ("flask.render_template", ALL | STRUCT),
    ("flask.render_template_string", ALL | STRUCT),
    ("flask.jsonify", ALL | STRUCT),
    ("django.shortcuts.render", ALL | STRUCT),
    ("django.template.loader.render_to_string", ALL | STRUCT),
    ("django.template.response.TemplateResponse", ALL | STRUCT),
    ("django.http.JsonResponse", ALL | STRUCT),
    ("starlette.responses.JSONResponse", ALL | STRUCT),
    ("fastapi.responses.JSONResponse", ALL | STRUCT),
    (".TemplateResponse", ALL | STRUCT),
    ("aiohttp.web.json_response", ALL | STRUCT),
    ("aiohttp_jinja2.render_template", ALL | STRUCT),
    ("django.shortcuts.get_object_or_404", ALL | STRUCT),
    ("django.shortcuts.get_list_or_404", ALL | STRUCT),
    ("django.utils.http.http_date", ALL | STRUCT),
    ("calendar.timegm", ALL | STRUCT),
    ("time.mktime", ALL | STRUCT),
    // A template rendered with its context: the engines escape variables
    // (Django always, Flask's Jinja2 for HTML; B701 reports Jinja2 without).
    (".render", Class::Xss.bit()),
    // Shell.
    ("shlex.quote", Class::Cmd.bit()),
    ("pipes.quote", Class::Cmd.bit()),
    ("shlex.join", Class::Cmd.bit()),
    // Paths.
    ("os.path.basename", Class::Path.bit()),
    ("posixpath.basename", Class::Path.bit()),
    ("ntpath.basename", Class::Path.bit()),
    // Only [A-Za-z0-9_.-] is left.
    ("werkzeug.utils.secure_filename", ALL | STRUCT),
    ("werkzeug.secure_filename", ALL | STRUCT),
    ("werkzeug.security.safe_join", Class::Path.bit()),
    ("werkzeug.utils.safe_join", Class::Path.bit()),
    ("flask.safe_join", Class::Path.bit()),
    ("django.utils._os.safe_join", Class::Path.bit()),
    ("django.utils.text.get_valid_filename", ALL | STRUCT),
    ("django.utils.text.slugify", ALL | STRUCT),
    ("pathvalidate.sanitize_filename", Class::Path.bit()),
    // HTML.
    ("html.escape", Class::Xss.bit()),
    ("cgi.escape", Class::Xss.bit()),
    ("markupsafe.escape", Class::Xss.bit()),
    ("flask.escape", Class::Xss.bit()),
    ("jinja2.escape", Class::Xss.bit()),
    ("django.utils.html.escape", Class::Xss.bit()),
    ("django.utils.html.conditional_escape", Class::Xss.bit()),
    ("django.utils.html.format_html", Class::Xss.bit()),
    ("django.utils.html.escapejs", Class::Xss.bit()),
    ("django.utils.html.json_script", Class::Xss.bit()),
    ("xml.sax.saxutils.escape", Class::Xss.bit()),
    ("bleach.clean", Class::Xss.bit()),
    ("nh3.clean", Class::Xss.bit()),
    // SQL quoting.
    ("psycopg2.sql.Identifier", Class::Sql.bit()),
    ("psycopg2.sql.Literal", Class::Sql.bit()),
    ("psycopg.sql.Identifier", Class::Sql.bit()),
    ("psycopg.sql.Literal", Class::Sql.bit()),
    (".quote_name", Class::Sql.bit()),
    (".escape_string", Class::Sql.bit()),
    ("pymysql.converters.escape_string", Class::Sql.bit()),
    // LDAP.
    ("ldap.filter.escape_filter_chars", Class::Ldap.bit()),
    ("ldap.filter.filter_format", Class::Ldap.bit()),
    ("ldap3.utils.conv.escape_filter_chars", Class::Ldap.bit()),
    ("ldap.dn.escape_dn_chars", Class::Ldap.bit()),
    // Regular expressions.
    ("re.escape", Class::Regex.bit()),
    ("regex.escape", Class::Regex.bit()),
    // URLs built by the server.
    ("flask.url_for", URL_FIXED | Class::Header.bit()),
    ("django.urls.reverse", URL_FIXED | Class::Header.bit()),
    ("django.urls.reverse_lazy", URL_FIXED | Class::Header.bit()),
    ("django.shortcuts.reverse", URL_FIXED | Class::Header.bit()),
    (".url_for", URL_FIXED | Class::Header.bit()),
    (".url_path_for", URL_FIXED | Class::Header.bit()),
    // Percent-encoding and base64 leave no CR/LF in a header value.
    ("urllib.parse.quote", Class::Header.bit()),
    ("urllib.parse.quote_plus", Class::Header.bit()),
    ("urllib.parse.urlencode", Class::Header.bit()),
    ("base64.b64encode", Class::Header.bit()),
    ("base64.urlsafe_b64encode", Class::Header.bit()),
];

/// Calls that decode text into a structure (the result may be a dict).
pub const STRUCT_DECODERS: &[&str] =
    &["json.loads", "ujson.loads", "orjson.loads", "simplejson.loads", "json.load", "yaml.safe_load"];

/// Methods that return a flag or a number, never the receiver's text.
pub const CLEAN_METHODS: &[&str] = &[
    "startswith",
    "endswith",
    "isdigit",
    "isnumeric",
    "isdecimal",
    "isalnum",
    "isalpha",
    "isidentifier",
    "isascii",
    "islower",
    "isupper",
    "isspace",
    "count",
    "find",
    "rfind",
    "index",
    "rindex",
    "exists",
    "is_file",
    "is_dir",
    "__len__",
    "is_valid",
    "is_relative_to",
    "has_key",
    "hexdigest",
    "digest",
];

/// Methods that store their arguments into the receiver (a list, dict, set,
/// buffer): the receiver becomes as tainted as the arguments.
pub const STORING_METHODS: &[&str] =
    &["append", "extend", "insert", "add", "update", "setdefault", "appendleft", "extendleft", "write", "push"];

/// Guards that clean a tested name inside the branch where they hold, for
/// the given classes.
pub const GUARD_CALLS: &[(&str, u32)] = &[
    ("django.utils.http.url_has_allowed_host_and_scheme", URL_FIXED),
    ("django.utils.http.is_safe_url", URL_FIXED),
    ("url_has_allowed_host_and_scheme", URL_FIXED),
    ("is_safe_url", URL_FIXED),
    ("isinstance", ALL | STRUCT),
];

/// Methods whose truth cleans the receiver (validation of the whole text).
pub const GUARD_METHODS: &[&str] =
    &["isdigit", "isnumeric", "isdecimal", "isalnum", "isalpha", "isidentifier", "is_valid"];

/// Where a sink reads the dangerous value.
#[derive(Debug, Clone, Copy)]
pub enum Arg {
    /// A positional argument, or the keyword of that name.
    At(usize, &'static str),
    /// The receiver of a method call.
    Receiver,
    /// Every positional and keyword argument.
    Any,
}

/// Extra conditions on a sink.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// `subprocess.*`: the command with `shell=True`, else only the program.
    Subprocess,
    /// A response that is HTML unless its content type keyword says otherwise.
    HtmlUnlessTyped(&'static str),
    /// A response that is HTML only when its content type keyword says so.
    HtmlIfTyped(&'static str),
    /// `yaml.load` family: unless a safe loader is given.
    YamlUnsafe,
    /// lxml parsing: unless the parser disables entity resolution.
    LxmlParser,
    /// Django's `QuerySet.extra`: only its SQL keywords.
    Extra,
    /// pymongo: a query document from a JSON body or a `$where` value.
    Mongo,
    /// The module imports the library named (`ldap3`, `ldap`, `pymongo`, ...).
    Imports(&'static str),
    /// The receiver's name contains one of the words (`conn`, `pool`, ...).
    ReceiverLike(&'static [&'static str]),
}

/// A sink: a call pattern, its class, which argument and when.
pub struct Sink {
    pub name: &'static str,
    pub class: Class,
    pub arg: Arg,
    pub when: When,
}

const fn sink(name: &'static str, class: Class, arg: Arg, when: When) -> Sink {
    Sink { name, class, arg, when }
}

use Arg::At;
use When::Always;

const DB_RECEIVERS: &[&str] = &["conn", "pool", "db", "database", "connection"];

pub const SINKS: &[Sink] = &[
    // SQL.
    sink(".execute", Class::Sql, At(0, "sql"), Always),
    sink(".executemany", Class::Sql, At(0, "sql"), Always),
    sink(".executescript", Class::Sql, At(0, "sql_script"), Always),
    sink(".exec_driver_sql", Class::Sql, At(0, "statement"), Always),
    sink(".objects.raw", Class::Sql, At(0, "raw_query"), Always),
    sink(".extra", Class::Sql, Arg::Any, When::Extra),
    sink("django.db.models.expressions.RawSQL", Class::Sql, At(0, "sql"), Always),
    sink("django.db.models.RawSQL", Class::Sql, At(0, "sql"), Always),
    sink("sqlalchemy.text", Class::Sql, At(0, "text"), Always),
    sink("sqlalchemy.sql.text", Class::Sql, At(0, "text"), Always),
    sink("sqlalchemy.sql.expression.text", Class::Sql, At(0, "text"), Always),
    sink("pandas.read_sql", Class::Sql, At(0, "sql"), Always),
    sink("pandas.read_sql_query", Class::Sql, At(0, "sql"), Always),
    sink(".fetch", Class::Sql, At(0, "query"), When::ReceiverLike(DB_RECEIVERS)),
    sink(".fetchrow", Class::Sql, At(0, "query"), When::ReceiverLike(DB_RECEIVERS)),
    sink(".fetchval", Class::Sql, At(0, "query"), When::ReceiverLike(DB_RECEIVERS)),
    // OS commands.
    sink("os.system", Class::Cmd, At(0, "command"), Always),
    sink("os.popen", Class::Cmd, At(0, "cmd"), Always),
    sink("os.popen2", Class::Cmd, At(0, "cmd"), Always),
    sink("os.popen3", Class::Cmd, At(0, "cmd"), Always),
    sink("subprocess.getoutput", Class::Cmd, At(0, "cmd"), Always),
    sink("subprocess.getstatusoutput", Class::Cmd, At(0, "cmd"), Always),
    sink("commands.getoutput", Class::Cmd, At(0, "cmd"), Always),
    sink("subprocess.run", Class::Cmd, At(0, "args"), When::Subprocess),
    sink("subprocess.call", Class::Cmd, At(0, "args"), When::Subprocess),
    sink("subprocess.check_call", Class::Cmd, At(0, "args"), When::Subprocess),
    sink("subprocess.check_output", Class::Cmd, At(0, "args"), When::Subprocess),
    sink("subprocess.Popen", Class::Cmd, At(0, "args"), When::Subprocess),
    sink("asyncio.create_subprocess_shell", Class::Cmd, At(0, "cmd"), Always),
    sink("asyncio.create_subprocess_exec", Class::Cmd, At(0, "program"), Always),
    sink("os.execl", Class::Cmd, At(0, "path"), Always),
    sink("os.execle", Class::Cmd, At(0, "path"), Always),
    sink("os.execlp", Class::Cmd, At(0, "file"), Always),
    sink("os.execv", Class::Cmd, At(0, "path"), Always),
    sink("os.execve", Class::Cmd, At(0, "path"), Always),
    sink("os.execvp", Class::Cmd, At(0, "file"), Always),
    sink("os.spawnl", Class::Cmd, At(1, "path"), Always),
    sink("os.spawnlp", Class::Cmd, At(1, "file"), Always),
    sink("os.spawnv", Class::Cmd, At(1, "path"), Always),
    sink("os.spawnvp", Class::Cmd, At(1, "file"), Always),
    sink("pty.spawn", Class::Cmd, At(0, "argv"), Always),
    // Code.
    sink("eval", Class::Code, At(0, "source"), Always),
    sink("exec", Class::Code, At(0, "source"), Always),
    sink("compile", Class::Code, At(0, "source"), Always),
    sink("builtins.eval", Class::Code, At(0, "source"), Always),
    sink("builtins.exec", Class::Code, At(0, "source"), Always),
    sink("importlib.import_module", Class::Code, At(0, "name"), Always),
    sink("__import__", Class::Code, At(0, "name"), Always),
    // Paths.
    sink("open", Class::Path, At(0, "file"), Always),
    sink("io.open", Class::Path, At(0, "file"), Always),
    sink("codecs.open", Class::Path, At(0, "filename"), Always),
    sink("aiofiles.open", Class::Path, At(0, "file"), Always),
    sink("os.open", Class::Path, At(0, "path"), Always),
    sink("os.remove", Class::Path, At(0, "path"), Always),
    sink("os.unlink", Class::Path, At(0, "path"), Always),
    sink("os.rmdir", Class::Path, At(0, "path"), Always),
    sink("os.removedirs", Class::Path, At(0, "name"), Always),
    sink("os.mkdir", Class::Path, At(0, "path"), Always),
    sink("os.makedirs", Class::Path, At(0, "name"), Always),
    sink("os.listdir", Class::Path, At(0, "path"), Always),
    sink("os.scandir", Class::Path, At(0, "path"), Always),
    sink("os.walk", Class::Path, At(0, "top"), Always),
    sink("os.chmod", Class::Path, At(0, "path"), Always),
    sink("os.stat", Class::Path, At(0, "path"), Always),
    sink("os.lstat", Class::Path, At(0, "path"), Always),
    sink("os.chown", Class::Path, At(0, "path"), Always),
    sink("os.truncate", Class::Path, At(0, "path"), Always),
    sink("os.rename", Class::Path, Arg::Any, Always),
    sink("os.replace", Class::Path, Arg::Any, Always),
    sink("shutil.copy", Class::Path, Arg::Any, Always),
    sink("shutil.copy2", Class::Path, Arg::Any, Always),
    sink("shutil.copyfile", Class::Path, Arg::Any, Always),
    sink("shutil.copytree", Class::Path, Arg::Any, Always),
    sink("shutil.move", Class::Path, Arg::Any, Always),
    sink("shutil.rmtree", Class::Path, At(0, "path"), Always),
    sink("tarfile.open", Class::Path, At(0, "name"), Always),
    sink("zipfile.ZipFile", Class::Path, At(0, "file"), Always),
    sink("flask.send_file", Class::Path, At(0, "path_or_file"), Always),
    sink("flask.helpers.send_file", Class::Path, At(0, "path_or_file"), Always),
    sink("flask.send_from_directory", Class::Path, At(0, "directory"), Always),
    sink("werkzeug.utils.send_file", Class::Path, At(0, "path_or_file"), Always),
    sink("starlette.responses.FileResponse", Class::Path, At(0, "path"), Always),
    sink("fastapi.responses.FileResponse", Class::Path, At(0, "path"), Always),
    sink("aiohttp.web.FileResponse", Class::Path, At(0, "path"), Always),
    // SSRF.
    sink("requests.get", Class::Ssrf, At(0, "url"), Always),
    sink("requests.post", Class::Ssrf, At(0, "url"), Always),
    sink("requests.put", Class::Ssrf, At(0, "url"), Always),
    sink("requests.patch", Class::Ssrf, At(0, "url"), Always),
    sink("requests.delete", Class::Ssrf, At(0, "url"), Always),
    sink("requests.head", Class::Ssrf, At(0, "url"), Always),
    sink("requests.options", Class::Ssrf, At(0, "url"), Always),
    sink("requests.request", Class::Ssrf, At(1, "url"), Always),
    sink("httpx.get", Class::Ssrf, At(0, "url"), Always),
    sink("httpx.post", Class::Ssrf, At(0, "url"), Always),
    sink("httpx.put", Class::Ssrf, At(0, "url"), Always),
    sink("httpx.patch", Class::Ssrf, At(0, "url"), Always),
    sink("httpx.delete", Class::Ssrf, At(0, "url"), Always),
    sink("httpx.head", Class::Ssrf, At(0, "url"), Always),
    sink("httpx.request", Class::Ssrf, At(1, "url"), Always),
    sink("httpx.stream", Class::Ssrf, At(1, "url"), Always),
    sink("urllib.request.urlopen", Class::Ssrf, At(0, "url"), Always),
    sink("urllib.request.Request", Class::Ssrf, At(0, "url"), Always),
    sink("urllib.urlopen", Class::Ssrf, At(0, "url"), Always),
    sink("urllib2.urlopen", Class::Ssrf, At(0, "url"), Always),
    sink("urllib.request.urlretrieve", Class::Ssrf, At(0, "url"), Always),
    // Redirects.
    sink("flask.redirect", Class::Redirect, At(0, "location"), Always),
    sink("werkzeug.utils.redirect", Class::Redirect, At(0, "location"), Always),
    sink("django.shortcuts.redirect", Class::Redirect, At(0, "to"), Always),
    sink("django.http.HttpResponseRedirect", Class::Redirect, At(0, "redirect_to"), Always),
    sink("django.http.HttpResponsePermanentRedirect", Class::Redirect, At(0, "redirect_to"), Always),
    sink("django.http.response.HttpResponseRedirect", Class::Redirect, At(0, "redirect_to"), Always),
    sink("starlette.responses.RedirectResponse", Class::Redirect, At(0, "url"), Always),
    sink("fastapi.responses.RedirectResponse", Class::Redirect, At(0, "url"), Always),
    sink("aiohttp.web.HTTPFound", Class::Redirect, At(0, "location"), Always),
    sink("aiohttp.web.HTTPSeeOther", Class::Redirect, At(0, "location"), Always),
    sink("aiohttp.web.HTTPMovedPermanently", Class::Redirect, At(0, "location"), Always),
    sink("aiohttp.web.HTTPTemporaryRedirect", Class::Redirect, At(0, "location"), Always),
    sink("aiohttp.web.HTTPPermanentRedirect", Class::Redirect, At(0, "location"), Always),
    // XSS.
    sink("django.http.HttpResponse", Class::Xss, At(0, "content"), When::HtmlUnlessTyped("content_type")),
    sink("django.http.response.HttpResponse", Class::Xss, At(0, "content"), When::HtmlUnlessTyped("content_type")),
    sink("django.http.HttpResponseNotFound", Class::Xss, At(0, "content"), When::HtmlUnlessTyped("content_type")),
    sink("django.http.HttpResponseBadRequest", Class::Xss, At(0, "content"), When::HtmlUnlessTyped("content_type")),
    sink("django.http.HttpResponseForbidden", Class::Xss, At(0, "content"), When::HtmlUnlessTyped("content_type")),
    sink("django.http.HttpResponseServerError", Class::Xss, At(0, "content"), When::HtmlUnlessTyped("content_type")),
    sink("django.http.HttpResponseGone", Class::Xss, At(0, "content"), When::HtmlUnlessTyped("content_type")),
    sink("flask.make_response", Class::Xss, At(0, "response"), Always),
    sink("flask.Response", Class::Xss, At(0, "response"), When::HtmlUnlessTyped("mimetype")),
    sink("werkzeug.wrappers.Response", Class::Xss, At(0, "response"), When::HtmlUnlessTyped("mimetype")),
    sink("starlette.responses.HTMLResponse", Class::Xss, At(0, "content"), Always),
    sink("fastapi.responses.HTMLResponse", Class::Xss, At(0, "content"), Always),
    sink("starlette.responses.Response", Class::Xss, At(0, "content"), When::HtmlIfTyped("media_type")),
    sink("fastapi.responses.Response", Class::Xss, At(0, "content"), When::HtmlIfTyped("media_type")),
    sink("fastapi.Response", Class::Xss, At(0, "content"), When::HtmlIfTyped("media_type")),
    sink("aiohttp.web.Response", Class::Xss, At(99, "text"), When::HtmlIfTyped("content_type")),
    sink("django.utils.safestring.mark_safe", Class::Xss, At(0, "s"), Always),
    sink("django.utils.safestring.SafeString", Class::Xss, At(0, "s"), Always),
    sink("django.utils.html.format_html", Class::Xss, At(0, "format_string"), Always),
    sink("markupsafe.Markup", Class::Xss, At(0, "base"), Always),
    sink("flask.Markup", Class::Xss, At(0, "base"), Always),
    sink("jinja2.Markup", Class::Xss, At(0, "base"), Always),
    // Templates.
    sink("flask.render_template_string", Class::Template, At(0, "source"), Always),
    sink("jinja2.Template", Class::Template, At(0, "source"), Always),
    sink(".from_string", Class::Template, At(0, "source"), Always),
    sink("django.template.Template", Class::Template, At(0, "template_string"), Always),
    sink("mako.template.Template", Class::Template, At(0, "text"), Always),
    // Deserialization.
    sink("pickle.loads", Class::Deser, At(0, "data"), Always),
    sink("pickle.load", Class::Deser, At(0, "file"), Always),
    sink("_pickle.loads", Class::Deser, At(0, "data"), Always),
    sink("cPickle.loads", Class::Deser, At(0, "data"), Always),
    sink("dill.loads", Class::Deser, At(0, "str"), Always),
    sink("marshal.loads", Class::Deser, At(0, "bytes"), Always),
    sink("marshal.load", Class::Deser, At(0, "file"), Always),
    sink("yaml.load", Class::Deser, At(0, "stream"), When::YamlUnsafe),
    sink("yaml.load_all", Class::Deser, At(0, "stream"), When::YamlUnsafe),
    sink("yaml.unsafe_load", Class::Deser, At(0, "stream"), Always),
    sink("yaml.unsafe_load_all", Class::Deser, At(0, "stream"), Always),
    sink("yaml.full_load", Class::Deser, At(0, "stream"), Always),
    sink("jsonpickle.decode", Class::Deser, At(0, "string"), Always),
    sink("jsonpickle.loads", Class::Deser, At(0, "string"), Always),
    sink("shelve.open", Class::Deser, At(0, "filename"), Always),
    sink("pandas.read_pickle", Class::Deser, At(0, "filepath_or_buffer"), Always),
    // XXE.
    sink("lxml.etree.fromstring", Class::Xxe, At(0, "text"), When::LxmlParser),
    sink("lxml.etree.XML", Class::Xxe, At(0, "text"), When::LxmlParser),
    sink("lxml.etree.parse", Class::Xxe, At(0, "source"), When::LxmlParser),
    sink("lxml.etree.iterparse", Class::Xxe, At(0, "source"), When::LxmlParser),
    sink("lxml.etree.XMLID", Class::Xxe, At(0, "text"), When::LxmlParser),
    // LDAP.
    sink(".search_s", Class::Ldap, At(2, "filterstr"), When::Imports("ldap")),
    sink(".search_st", Class::Ldap, At(2, "filterstr"), When::Imports("ldap")),
    sink(".search_ext", Class::Ldap, At(2, "filterstr"), When::Imports("ldap")),
    sink(".search_ext_s", Class::Ldap, At(2, "filterstr"), When::Imports("ldap")),
    // XPath.
    sink(".xpath", Class::Xpath, At(0, "_path"), Always),
    sink("lxml.etree.XPath", Class::Xpath, At(0, "path"), Always),
    sink("lxml.etree.ETXPath", Class::Xpath, At(0, "path"), Always),
    // NoSQL.
    sink(".find", Class::Nosql, At(0, "filter"), When::Mongo),
    sink(".find_one", Class::Nosql, At(0, "filter"), When::Mongo),
    sink(".find_one_and_update", Class::Nosql, At(0, "filter"), When::Mongo),
    sink(".find_one_and_delete", Class::Nosql, At(0, "filter"), When::Mongo),
    sink(".find_one_and_replace", Class::Nosql, At(0, "filter"), When::Mongo),
    sink(".update_one", Class::Nosql, At(0, "filter"), When::Mongo),
    sink(".update_many", Class::Nosql, At(0, "filter"), When::Mongo),
    sink(".replace_one", Class::Nosql, At(0, "filter"), When::Mongo),
    sink(".delete_one", Class::Nosql, At(0, "filter"), When::Mongo),
    sink(".delete_many", Class::Nosql, At(0, "filter"), When::Mongo),
    sink(".count_documents", Class::Nosql, At(0, "filter"), When::Mongo),
    sink(".aggregate", Class::Nosql, At(0, "pipeline"), When::Mongo),
    // Regular expressions.
    sink("re.compile", Class::Regex, At(0, "pattern"), Always),
    sink("re.search", Class::Regex, At(0, "pattern"), Always),
    sink("re.match", Class::Regex, At(0, "pattern"), Always),
    sink("re.fullmatch", Class::Regex, At(0, "pattern"), Always),
    sink("re.findall", Class::Regex, At(0, "pattern"), Always),
    sink("re.finditer", Class::Regex, At(0, "pattern"), Always),
    sink("re.sub", Class::Regex, At(0, "pattern"), Always),
    sink("re.subn", Class::Regex, At(0, "pattern"), Always),
    sink("re.split", Class::Regex, At(0, "pattern"), Always),
    sink("regex.compile", Class::Regex, At(0, "pattern"), When::Imports("regex")),
    sink("regex.search", Class::Regex, At(0, "pattern"), When::Imports("regex")),
    sink("regex.match", Class::Regex, At(0, "pattern"), When::Imports("regex")),
    // Header values set through methods.
    sink(".headers.add", Class::Header, At(1, "_value"), Always),
    sink(".headers.set", Class::Header, At(1, "_value"), Always),
    sink(".headers.setdefault", Class::Header, At(1, "default"), Always),
    sink(".headers.add_header", Class::Header, At(1, "_value"), Always),
    sink(".set_header", Class::Header, At(1, "value"), Always),
    sink(".send_header", Class::Header, At(1, "value"), Always),
];

/// Libraries whose imports make `When::Mongo` sinks apply.
pub const MONGO_LIBS: &[&str] = &["pymongo", "motor", "mongo", "mongoengine"];

/// Client objects whose methods send requests (SSRF), by constructor.
pub const HTTP_CLIENTS: &[&str] = &[
    "requests.Session",
    "requests.session",
    "requests.sessions.Session",
    "httpx.Client",
    "httpx.AsyncClient",
    "aiohttp.ClientSession",
    "urllib3.PoolManager",
    "urllib3.poolmanager.PoolManager",
];
/// Their methods, and where the URL is: `request(method, url)` has it second.
pub const HTTP_CLIENT_METHODS: &[(&str, usize)] = &[
    ("get", 0),
    ("post", 0),
    ("put", 0),
    ("patch", 0),
    ("delete", 0),
    ("head", 0),
    ("options", 0),
    ("request", 1),
    ("stream", 1),
    ("urlopen", 1),
];

/// Response constructors: a subscript store into one sets a header.
pub const RESPONSES: &[&str] = &[
    "django.http.HttpResponse",
    "django.http.response.HttpResponse",
    "django.http.JsonResponse",
    "django.http.StreamingHttpResponse",
    "django.http.FileResponse",
    "django.shortcuts.render",
    "django.template.response.TemplateResponse",
    "rest_framework.response.Response",
];

/// Pathlib constructors: methods on the result touch the file system.
pub const PATH_TYPES: &[&str] = &["pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "anyio.Path", "Path"];
/// Methods of a path object that touch the file named by it.
pub const PATH_METHODS: &[&str] = &[
    "read_text",
    "read_bytes",
    "write_text",
    "write_bytes",
    "open",
    "unlink",
    "rmdir",
    "mkdir",
    "touch",
    "iterdir",
    "rename",
    "replace",
    "chmod",
    "glob",
    "rglob",
];

/// Annotations of FastAPI parameters that are not text.
pub const NON_TEXT_TYPES: &[&str] = &[
    "int",
    "float",
    "bool",
    "complex",
    "UUID",
    "uuid.UUID",
    "datetime",
    "date",
    "time",
    "timedelta",
    "datetime.datetime",
    "datetime.date",
    "Decimal",
    "decimal.Decimal",
    "PositiveInt",
    "NegativeInt",
    "conint",
    "confloat",
    "StrictInt",
    "StrictFloat",
    "StrictBool",
    "Request",
    "Response",
    "BackgroundTasks",
    "WebSocket",
    "Session",
    "HTTPConnection",
    "SecurityScopes",
    "Literal",
    "IPvAnyAddress",
    "Depends",
];

/// Annotations that make a parameter the request object.
pub const REQUEST_TYPES: &[&str] = &["Request", "HttpRequest", "WSGIRequest", "ASGIRequest", "web.Request"];

/// Route converters that are not text (Flask and Django).
pub const NON_TEXT_CONVERTERS: &[&str] = &["int", "float", "uuid"];

/// The first matching model row for a qualified name.
pub fn matches(pattern: &str, qual: &str) -> bool {
    if let Some(tail) = pattern.strip_prefix('.') {
        qual.len() > tail.len() && qual.ends_with(tail) && qual.as_bytes()[qual.len() - tail.len() - 1] == b'.'
    } else {
        pattern == qual
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_whole_segments() {
        assert!(matches(".execute", "cursor.execute"));
        assert!(matches(".objects.raw", "Article.objects.raw"));
        assert!(!matches(".execute", "execute"));
        assert!(!matches(".execute", "cursor.reexecute"));
        assert!(matches("os.system", "os.system"));
        assert!(!matches("os.system", "xos.system"));
    }

    #[test]
    fn every_class_has_a_rule_in_the_catalog() {
        for class in CLASSES {
            let rule = crate::rules::by_id(class.rule()).expect("in the catalog");
            assert_eq!(rule.analyzer, crate::rules::Analyzer::Taint);
        }
    }
}
