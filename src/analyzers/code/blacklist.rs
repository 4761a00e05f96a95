//! B3xx blacklisted calls and B4xx blacklisted imports: Bandit's tables, as data.
//!
//! A call matches an entry when its qualified name equals one of the entry's
//! names exactly; an import matches when the imported dotted name starts with
//! one (`import pickletools` is B403, as in Bandit). The import entries also
//! match calls by exact name (`wsgiref.handlers.CGIHandler()` is B412), and
//! `__import__("x")` / `importlib.import_module("x")` are treated as imports of
//! `x`. One node yields at most one finding: the first enabled entry that matches.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use super::{BVal, CallCtx, Checker};
use crate::finding::Level::{self, High, Low, Medium};

pub(super) struct Entry {
    pub id: &'static str,
    pub number: usize,
    pub level: Level,
    pub names: &'static [&'static str],
    pub message: &'static str,
}

const XML_CALL: &str = "Using {name} to parse untrusted XML data is known to be vulnerable to XML attacks. Replace {name} with its defusedxml equivalent function or make sure defusedxml.defuse_stdlib() is called";
const XML_IMPORT: &str = "Using {name} to parse untrusted XML data is known to be vulnerable to XML attacks. Replace {name} with the equivalent defusedxml package, or make sure defusedxml.defuse_stdlib() is called.";

pub(super) static CALLS: &[Entry] = &[
    Entry {
        id: "B301",
        number: 301,
        level: Medium,
        names: &[
            "pickle.loads",
            "pickle.load",
            "pickle.Unpickler",
            "dill.loads",
            "dill.load",
            "dill.Unpickler",
            "shelve.open",
            "shelve.DbfilenameShelf",
            "jsonpickle.decode",
            "jsonpickle.unpickler.decode",
            "jsonpickle.unpickler.Unpickler",
            "pandas.read_pickle",
        ],
        message: "Pickle and modules that wrap it can be unsafe when used to deserialize untrusted data, possible security issue.",
    },
    Entry {
        id: "B302",
        number: 302,
        level: Medium,
        names: &["marshal.load", "marshal.loads"],
        message: "Deserialization with the marshal module is possibly dangerous.",
    },
    Entry {
        id: "B303",
        number: 303,
        level: Medium,
        names: &[
            "Crypto.Hash.MD2.new",
            "Crypto.Hash.MD4.new",
            "Crypto.Hash.MD5.new",
            "Crypto.Hash.SHA.new",
            "Cryptodome.Hash.MD2.new",
            "Cryptodome.Hash.MD4.new",
            "Cryptodome.Hash.MD5.new",
            "Cryptodome.Hash.SHA.new",
            "cryptography.hazmat.primitives.hashes.MD5",
            "cryptography.hazmat.primitives.hashes.SHA1",
        ],
        message: "Use of insecure MD2, MD4, MD5, or SHA1 hash function.",
    },
    Entry {
        id: "B304",
        number: 304,
        level: High,
        names: &[
            "Crypto.Cipher.ARC2.new",
            "Crypto.Cipher.ARC4.new",
            "Crypto.Cipher.Blowfish.new",
            "Crypto.Cipher.DES.new",
            "Crypto.Cipher.XOR.new",
            "Cryptodome.Cipher.ARC2.new",
            "Cryptodome.Cipher.ARC4.new",
            "Cryptodome.Cipher.Blowfish.new",
            "Cryptodome.Cipher.DES.new",
            "Cryptodome.Cipher.XOR.new",
            "cryptography.hazmat.primitives.ciphers.algorithms.ARC4",
            "cryptography.hazmat.primitives.ciphers.algorithms.Blowfish",
            "cryptography.hazmat.primitives.ciphers.algorithms.CAST5",
            "cryptography.hazmat.primitives.ciphers.algorithms.IDEA",
            "cryptography.hazmat.primitives.ciphers.algorithms.SEED",
            "cryptography.hazmat.primitives.ciphers.algorithms.TripleDES",
        ],
        message: "Use of insecure cipher {name}. Replace with a known secure cipher such as AES.",
    },
    Entry {
        id: "B305",
        number: 305,
        level: Medium,
        names: &["cryptography.hazmat.primitives.ciphers.modes.ECB"],
        message: "Use of insecure cipher mode {name}.",
    },
    Entry {
        id: "B306",
        number: 306,
        level: Medium,
        names: &["tempfile.mktemp"],
        message: "Use of insecure and deprecated function (mktemp).",
    },
    Entry {
        id: "B307",
        number: 307,
        level: Medium,
        names: &["eval"],
        message: "Use of possibly insecure function - consider using safer ast.literal_eval.",
    },
    Entry {
        id: "B308",
        number: 308,
        level: Medium,
        names: &["django.utils.safestring.mark_safe"],
        message: "Use of mark_safe() may expose cross-site scripting vulnerabilities and should be reviewed.",
    },
    Entry {
        id: "B310",
        number: 310,
        level: Medium,
        names: &[
            "urllib.request.urlopen",
            "urllib.request.urlretrieve",
            "urllib.request.URLopener",
            "urllib.request.FancyURLopener",
            "six.moves.urllib.request.urlopen",
            "six.moves.urllib.request.urlretrieve",
            "six.moves.urllib.request.URLopener",
            "six.moves.urllib.request.FancyURLopener",
        ],
        message: "Audit url open for permitted schemes. Allowing use of file:/ or custom schemes is often unexpected.",
    },
    Entry {
        id: "B311",
        number: 311,
        level: Low,
        names: &[
            "random.Random",
            "random.random",
            "random.randrange",
            "random.randint",
            "random.choice",
            "random.choices",
            "random.uniform",
            "random.triangular",
            "random.randbytes",
            "random.sample",
            "random.getrandbits",
        ],
        message: "Standard pseudo-random generators are not suitable for security/cryptographic purposes.",
    },
    Entry {
        id: "B312",
        number: 312,
        level: High,
        names: &["telnetlib.Telnet"],
        message: "Telnet-related functions are being called. Telnet is considered insecure. Use SSH or some other encrypted protocol.",
    },
    Entry {
        id: "B313",
        number: 313,
        level: Medium,
        names: &[
            "xml.etree.cElementTree.parse",
            "xml.etree.cElementTree.iterparse",
            "xml.etree.cElementTree.fromstring",
            "xml.etree.cElementTree.XMLParser",
        ],
        message: XML_CALL,
    },
    Entry {
        id: "B314",
        number: 314,
        level: Medium,
        names: &[
            "xml.etree.ElementTree.parse",
            "xml.etree.ElementTree.iterparse",
            "xml.etree.ElementTree.fromstring",
            "xml.etree.ElementTree.XMLParser",
        ],
        message: XML_CALL,
    },
    Entry { id: "B315", number: 315, level: Medium, names: &["xml.sax.expatreader.create_parser"], message: XML_CALL },
    Entry {
        id: "B316",
        number: 316,
        level: Medium,
        names: &["xml.dom.expatbuilder.parse", "xml.dom.expatbuilder.parseString"],
        message: XML_CALL,
    },
    Entry {
        id: "B317",
        number: 317,
        level: Medium,
        names: &["xml.sax.parse", "xml.sax.parseString", "xml.sax.make_parser"],
        message: XML_CALL,
    },
    Entry {
        id: "B318",
        number: 318,
        level: Medium,
        names: &["xml.dom.minidom.parse", "xml.dom.minidom.parseString"],
        message: XML_CALL,
    },
    Entry {
        id: "B319",
        number: 319,
        level: Medium,
        names: &["xml.dom.pulldom.parse", "xml.dom.pulldom.parseString"],
        message: XML_CALL,
    },
    Entry {
        id: "B321",
        number: 321,
        level: High,
        names: &["ftplib.FTP"],
        message: "FTP-related functions are being called. FTP is considered insecure. Use SSH/SFTP/SCP or some other encrypted protocol.",
    },
    Entry {
        id: "B323",
        number: 323,
        level: Medium,
        names: &["ssl._create_unverified_context"],
        message: "By default, Python will create a secure, verified ssl context for use in such classes as HTTPSConnection. However, it still allows using an insecure context via the _create_unverified_context that reverts to the previous behavior that does not validate certificates or perform hostname checks.",
    },
];

pub(super) static IMPORTS: &[Entry] = &[
    Entry {
        id: "B401",
        number: 401,
        level: High,
        names: &["telnetlib"],
        message: "A telnet-related module is being imported.  Telnet is considered insecure. Use SSH or some other encrypted protocol.",
    },
    Entry {
        id: "B402",
        number: 402,
        level: High,
        names: &["ftplib"],
        message: "A FTP-related module is being imported.  FTP is considered insecure. Use SSH/SFTP/SCP or some other encrypted protocol.",
    },
    Entry {
        id: "B403",
        number: 403,
        level: Low,
        names: &["pickle", "cPickle", "dill", "shelve"],
        message: "Consider possible security implications associated with {name} module.",
    },
    Entry {
        id: "B404",
        number: 404,
        level: Low,
        names: &["subprocess"],
        message: "Consider possible security implications associated with the subprocess module.",
    },
    Entry {
        id: "B405",
        number: 405,
        level: Low,
        names: &["xml.etree.cElementTree", "xml.etree.ElementTree"],
        message: XML_IMPORT,
    },
    Entry { id: "B406", number: 406, level: Low, names: &["xml.sax"], message: XML_IMPORT },
    Entry { id: "B407", number: 407, level: Low, names: &["xml.dom.expatbuilder"], message: XML_IMPORT },
    Entry { id: "B408", number: 408, level: Low, names: &["xml.dom.minidom"], message: XML_IMPORT },
    Entry { id: "B409", number: 409, level: Low, names: &["xml.dom.pulldom"], message: XML_IMPORT },
    Entry {
        id: "B411",
        number: 411,
        level: High,
        names: &["xmlrpc"],
        message: "Using {name} to parse untrusted XML data is known to be vulnerable to XML attacks. Use defusedxml.xmlrpc.monkey_patch() function to monkey-patch xmlrpclib and mitigate XML vulnerabilities.",
    },
    Entry {
        id: "B412",
        number: 412,
        level: High,
        names: &["wsgiref.handlers.CGIHandler", "twisted.web.twcgi.CGIScript", "twisted.web.twcgi.CGIDirectory"],
        message: "Consider possible security implications associated with {name} module.",
    },
    Entry {
        id: "B413",
        number: 413,
        level: High,
        names: &[
            "Crypto.Cipher",
            "Crypto.Hash",
            "Crypto.IO",
            "Crypto.Protocol",
            "Crypto.PublicKey",
            "Crypto.Random",
            "Crypto.Signature",
            "Crypto.Util",
        ],
        message: "The pyCrypto library and its module {name} are no longer actively maintained and have been deprecated. Consider using pyca/cryptography library.",
    },
    Entry {
        id: "B415",
        number: 415,
        level: High,
        names: &["pyghmi"],
        message: "An IPMI-related module is being imported. IPMI is considered insecure. Use an encrypted protocol.",
    },
];

/// Every blacklisted call name, to the first entry (calls before imports) that has it.
static BY_NAME: LazyLock<FxHashMap<&'static str, &'static Entry>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for entry in CALLS.iter().chain(IMPORTS) {
        for name in entry.names {
            map.entry(*name).or_insert(entry);
        }
    }
    map
});

fn any_enabled(c: &Checker, table: &[Entry]) -> bool {
    table.iter().any(|e| c.on(e.number))
}

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    if !any_enabled(c, CALLS) && !any_enabled(c, IMPORTS) {
        return;
    }
    let name: String = match ctx.call.func.as_ref() {
        Expr::Name(n) if n.id.as_str() == "__import__" => match ctx.args().first() {
            Some(Expr::StringLiteral(s)) => s.value.to_str().to_owned(),
            Some(_) => "UNKNOWN".to_owned(),
            None => String::new(),
        },
        _ if matches!(ctx.qual.as_str(), "importlib.import_module" | "importlib.__import__") => {
            let module = if ctx.args().is_empty() { ctx.kw_bval("name") } else { ctx.arg_bval(0) };
            match module {
                BVal::Str(s) => s.into_owned(),
                _ => return,
            }
        }
        _ => ctx.qual.clone(),
    };
    // Names are unique across entries, so the first entry with the name is the
    // only candidate.
    let hit = BY_NAME.get(name.as_str()).copied().filter(|e| c.on(e.number));
    if let Some(entry) = hit {
        let r = ctx.call.range();
        c.report(entry.id, entry.level, High, entry.message.replace("{name}", &name), r, r);
    }
}

pub(super) fn import(c: &mut Checker, stmt: &Stmt) {
    if !any_enabled(c, IMPORTS) {
        return;
    }
    let (prefix, names) = match stmt {
        Stmt::Import(i) => (String::new(), &i.names),
        Stmt::ImportFrom(i) => (i.module.as_ref().map(|m| format!("{}.", m.as_str())).unwrap_or_default(), &i.names),
        _ => return,
    };
    let full: Vec<String> = names.iter().map(|alias| format!("{prefix}{}", alias.name.as_str())).collect();
    for entry in IMPORTS.iter().filter(|e| c.on(e.number)) {
        for (alias, full) in names.iter().zip(&full) {
            if entry.names.iter().any(|n| full.starts_with(n)) {
                let r = stmt.range();
                c.report(entry.id, entry.level, High, entry.message.replace("{name}", alias.name.as_str()), r, r);
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn blacklisted_names_are_unique_across_entries() {
        let mut seen = std::collections::HashMap::new();
        for entry in super::CALLS.iter().chain(super::IMPORTS) {
            for name in entry.names {
                if let Some(other) = seen.insert(*name, entry.id) {
                    assert_eq!(other, entry.id, "{name} is in {other} and {}", entry.id);
                }
            }
        }
    }
}
