//! A loosely typed TOML value for the parts of a file whose shape varies
//! (a Poetry dependency is a string, a table or an array of tables). Unlike
//! `toml::Value` it keeps the position of every array element, and it takes
//! any value, so that a wrong type becomes an error on one entry rather than
//! a file that cannot be read.
//!
//! Only array elements carry a span: table keys that need one are read as
//! `Spanned<String>` map keys by the format's own structs, and table values
//! may be implicit tables, which have no span.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

/// Any TOML value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loose {
    Str(String),
    Array(Vec<Spanned<Loose>>),
    Table(BTreeMap<String, Loose>),
    /// A number, boolean or date, described for error messages ("an integer").
    Other(&'static str),
}

impl Loose {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Loose::Str(text) => Some(text.as_str()),
            _ => None,
        }
    }

    /// The value of `key` when this is a table.
    pub fn get(&self, key: &str) -> Option<&Loose> {
        match self {
            Loose::Table(table) => table.get(key),
            _ => None,
        }
    }

    /// The string value of `key` when this is a table.
    pub fn str_of(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Loose::as_str)
    }

    /// What kind of value this is, for error messages ("a string").
    pub fn kind(&self) -> &'static str {
        match self {
            Loose::Str(_) => "a string",
            Loose::Array(_) => "an array",
            Loose::Table(_) => "a table",
            Loose::Other(kind) => kind,
        }
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Loose, D::Error> {
        deserializer.deserialize_any(LooseVisitor)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any TOML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Loose, E> {
        Ok(Loose::Other("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Loose, E> {
        Ok(Loose::Other("an integer"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Loose, E> {
        Ok(Loose::Other("an integer"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Loose, E> {
        Ok(Loose::Other("a float"))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Loose, E> {
        Ok(Loose::Str(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Loose, E> {
        Ok(Loose::Str(value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Loose>>()? {
            items.push(item);
        }
        Ok(Loose::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        let mut table = BTreeMap::new();
        while let Some((key, value)) = map.next_entry::<String, Loose>()? {
            table.insert(key, value);
        }
        // A date-time comes as a map with one private key: it is no table.
        if table.len() == 1 && table.keys().all(|key| key.starts_with("$__toml_private")) {
            return Ok(Loose::Other("a date-time"));
        }
        Ok(Loose::Table(table))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Doc {
        value: Loose,
        list: Loose,
    }

    #[test]
    fn any_value_is_taken_and_array_elements_keep_their_span() {
        let text = concat!(
            "value = { a = \"x\", b = 1, c = 1979-05-27T07:32:00Z, d = [true] }\n",
            "list = [\n  \"one\",\n  { t = 2.5 },\n]\n"
        );
        let doc: Doc = toml::from_str(text).unwrap();
        assert_eq!(doc.value.str_of("a"), Some("x"));
        assert_eq!(doc.value.get("b").map(Loose::kind), Some("an integer"));
        assert_eq!(doc.value.get("c").map(Loose::kind), Some("a date-time"));
        assert!(doc.value.get("missing").is_none());
        let Loose::Array(items) = &doc.list else { panic!("not an array: {:?}", doc.list) };
        assert_eq!(items.len(), 2);
        assert_eq!(&text[items[0].span()], "\"one\"");
        assert_eq!(&text[items[1].span()], "{ t = 2.5 }");
        assert_eq!(items[1].get_ref().get("t").map(Loose::kind), Some("a float"));
    }
}
