//! Reading typed settings (a config, a model file) out of parsed JSON, with
//! the field of any wrong value named in the message:
//! "train.learningRate: expected a number, got null, NaN or Infinity".
//!
//! Why by hand rather than `#[derive(Deserialize)]`: serde's derived
//! visitors, instantiated for the deserializer that tracks the path, were a
//! ninth of the shipped wasm (26 KB gzipped) for one config and one file
//! format. These readers are straight-line code over `serde_json::Value`,
//! a tenth of that, and they say every message in the learner's words.
//! serde still parses the JSON text and writes every result.

use crate::error::Error;
use serde_json::{Map, Value};

/// A value read, or the error naming its field.
pub type Res<T> = crate::error::Result<T>;

/// A reader of one leaf or nested value: the value and its path.
pub type Read<'a, T> = fn(&'a Value, &str) -> Res<T>;

/// One JSON object of a known shape.
pub struct Obj<'a> {
    map: &'a Map<String, Value>,
    /// "" for the document itself.
    path: String,
}

impl<'a> Obj<'a> {
    /// The document: an object whose keys are all in `known`; `root` is
    /// what messages call it ("config").
    pub fn root(value: &'a Value, root: &'static str, known: &[&str]) -> Res<Obj<'a>> {
        Obj::at(value, String::new(), root, known)
    }

    fn at(value: &'a Value, path: String, root: &'static str, known: &[&str]) -> Res<Obj<'a>> {
        let name = if path.is_empty() { root } else { &path };
        let Value::Object(map) = value else {
            return Err(Error::wrong_type(name, "object", value));
        };
        if let Some(k) = map.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(Error::unknown_field(name, k, known));
        }
        Ok(Obj { map, path })
    }

    /// The path of `key` in this object: "train.learningRate".
    pub fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// A required field.
    pub fn req<T>(&self, key: &str, read: Read<'a, T>) -> Res<T> {
        match self.map.get(key) {
            Some(v) => read(v, &self.path_of(key)),
            None => Err(self.missing(key)),
        }
    }

    /// Out of line: `req` has a copy per `T`, this one has one.
    #[inline(never)]
    fn missing(&self, key: &str) -> Error {
        Error::required(&self.path_of(key), None)
    }

    /// An optional field: absent or null is `None`.
    pub fn opt<T>(&self, key: &str, read: Read<'a, T>) -> Res<Option<T>> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => read(v, &self.path_of(key)).map(Some),
        }
    }

    /// A field with a default when absent (null is still a wrong value:
    /// `learningRate: NaN` arrives as null and must not become 0.01).
    pub fn or<T>(&self, key: &str, read: Read<'a, T>, default: T) -> Res<T> {
        match self.map.get(key) {
            None => Ok(default),
            Some(v) => read(v, &self.path_of(key)),
        }
    }

    /// A nested object of a known shape, read by `read`.
    pub fn nested(value: &'a Value, path: &str, known: &[&str]) -> Res<Obj<'a>> {
        Obj::at(value, path.to_string(), "", known)
    }
}

fn wrong<T>(v: &Value, path: &str, expected: &'static str) -> Res<T> {
    Err(Error::wrong_type(path, expected, v))
}

pub fn number(v: &Value, path: &str) -> Res<f64> {
    match v {
        Value::Number(n) => n.as_f64().map_or_else(|| wrong(v, path, "number"), Ok),
        // JSON has no NaN or Infinity: JSON.stringify writes them as null.
        Value::Null => Err(Error::not_finite(path)),
        _ => wrong(v, path, "number"),
    }
}

pub fn number_f32(v: &Value, path: &str) -> Res<f32> {
    number(v, path).map(|x| x as f32)
}

pub fn whole(v: &Value, path: &str) -> Res<u64> {
    match (v.as_u64(), v.as_f64()) {
        (Some(n), _) => Ok(n),
        // 2.5 or -1: a number, just not a count.
        (None, Some(x)) => Err(Error::integer(path, x)),
        (None, None) => wrong(v, path, "integer"),
    }
}

pub fn count(v: &Value, path: &str) -> Res<usize> {
    whole(v, path).and_then(|n| {
        usize::try_from(n).map_err(|_| {
            let max = usize::MAX as f64;
            Error::range(path, n as f64, crate::error::Bounds::between(0.0, max))
        })
    })
}

pub fn flag(v: &Value, path: &str) -> Res<bool> {
    v.as_bool().map_or_else(|| wrong(v, path, "flag"), Ok)
}

pub fn text(v: &Value, path: &str) -> Res<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        _ => wrong(v, path, "text"),
    }
}

/// A list, each item read by `read` with its index in the path.
pub fn list<'a, T>(v: &'a Value, path: &str, read: Read<'a, T>) -> Res<Vec<T>> {
    let Value::Array(items) = v else {
        return wrong(v, path, "list");
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| read(item, &format!("{path}[{i}]")))
        .collect()
}

pub fn texts(v: &Value, path: &str) -> Res<Vec<String>> {
    list(v, path, text)
}

pub fn counts(v: &Value, path: &str) -> Res<Vec<usize>> {
    list(v, path, count)
}

pub fn numbers_f32(v: &Value, path: &str) -> Res<Vec<f32>> {
    list(v, path, number_f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Inner {
        k: usize,
        opt: Option<f64>,
    }

    #[derive(Debug, PartialEq)]
    struct Outer {
        name: String,
        list: Vec<Inner>,
        flag: bool,
        rate: f64,
    }

    fn inner(v: &Value, path: &str) -> Res<Inner> {
        let o = Obj::nested(v, path, &["k", "opt"])?;
        Ok(Inner {
            k: o.req("k", count)?,
            opt: o.opt("opt", number)?,
        })
    }

    fn read(json: &str) -> Res<Outer> {
        let v: Value = serde_json::from_str(json).unwrap();
        let o = Obj::root(&v, "doc", &["name", "list", "flag", "rate"])?;
        Ok(Outer {
            name: o.req("name", text)?,
            list: o.req("list", |v, p| list(v, p, inner))?,
            flag: o.or("flag", flag, false)?,
            rate: o.or("rate", number, 0.5)?,
        })
    }

    #[test]
    fn reads_fields_defaults_and_options() {
        let got =
            read(r#"{"name":"a","list":[{"k":1},{"k":2,"opt":null},{"k":3,"opt":0.25}],"rate":2}"#)
                .unwrap();
        assert_eq!(
            got,
            Outer {
                name: "a".into(),
                list: vec![
                    Inner { k: 1, opt: None },
                    Inner { k: 2, opt: None },
                    Inner {
                        k: 3,
                        opt: Some(0.25)
                    }
                ],
                flag: false,
                rate: 2.0,
            }
        );
    }

    #[test]
    fn errors_name_the_field() {
        let e = |json: &str| read(json).unwrap_err().message().to_string();
        let code = |json: &str| read(json).unwrap_err().code();
        assert_eq!(
            e(r#"{"name":"a","list":[{"k":1},{"k":-2}]}"#),
            "list[1].k must be a whole number that is not negative, got -2"
        );
        assert_eq!(
            e(r#"{"name":"a","list":[{"k":1.5}]}"#),
            "list[0].k must be a whole number that is not negative, got 1.5"
        );
        assert_eq!(code(r#"{"name":"a","list":[{"k":1.5}]}"#), "integer");
        assert_eq!(
            e(r#"{"name":"a","list":[{"k":"2"}]}"#),
            "list[0].k: expected a whole number that is not negative, got the text \"2\""
        );
        assert_eq!(
            e(r#"{"name":"a","list":[{"k":1,"opt":"x"}]}"#),
            "list[0].opt: expected a number, got the text \"x\""
        );
        // null is not "absent": a NaN from the page must not become the default.
        assert_eq!(
            e(r#"{"name":"a","list":[],"rate":null}"#),
            "rate: expected a number, got null, NaN or Infinity"
        );
        assert_eq!(code(r#"{"name":"a","list":[],"rate":null}"#), "not-finite");
        assert_eq!(
            e(r#"{"name":"a","list":[],"flag":1}"#),
            "flag: expected true or false, got the number 1"
        );
        assert!(e(r#"{"name":"a","list":[{"k":1,"kk":2}]}"#)
            .starts_with("list[0]: unknown field `kk`, expected one of 'k', 'opt'"));
        assert!(e(r#"{"name":"a","lsit":[]}"#).starts_with("doc: unknown field `lsit`"));
        assert_eq!(e(r#"{"name":"a"}"#), "list is required");
        assert_eq!(code(r#"{"name":"a"}"#), "required");
        assert_eq!(
            e(r#"{"name":"a","list":{}}"#),
            "list: expected a list [...], got an object {...}"
        );
        assert_eq!(e("[1]"), "doc: expected an object {...}, got a list [...]");
        assert_eq!(
            e(r#"{"name":"a","list":[3]}"#),
            "list[0]: expected an object {...}, got the number 3"
        );
        let long = "x".repeat(60);
        assert!(e(&format!(r#"{{"name":1,"list":[],"z":"{long}"}}"#)).contains("unknown field `z`"));
        assert!(
            e(&format!(r#"{{"name":"{long}","list":[{{"k":"{long}"}}]}}"#))
                .ends_with(&format!("\"{}…\"", "x".repeat(40)))
        );
    }
}
