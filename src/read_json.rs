//! Reading a typed config or model file out of parsed JSON, remembering where
//! the reader is, so a wrong value is reported with its field
//! ("train.learningRate: ...", "model.layers[1].kernel: ...").
//!
//! This is what `serde_path_to_error` did, at a fraction of the wasm size:
//! that crate wraps every visitor of every type it reads (a fifth of the
//! config code in the shipped binary); here one small deserializer over
//! `serde_json::Value` keeps the path on a stack that errors leave in place.
//! A key is pushed before it is read (so "unknown field" names its object,
//! as the message's parent) and popped once its value has been read.

use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::cell::RefCell;
use std::fmt;

/// `T` read from `value`, or the path of the offending field ("" for the
/// whole document) and serde's message.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, (String, String)> {
    let path = RefCell::new(Vec::new());
    T::deserialize(At { value, path: &path }).map_err(|e| (render(&path.borrow()), e.0))
}

enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn render(path: &[Seg<'_>]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

#[derive(Debug)]
pub struct Error(String);

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

type Path<'a> = RefCell<Vec<Seg<'a>>>;

struct At<'a, 'p> {
    value: &'a Value,
    path: &'p Path<'a>,
}

impl<'de, 'a, 'p> de::Deserializer<'de> for At<'a, 'p> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            // serde names a unit "unit value"; JSON calls it null (and
            // JSON.stringify writes NaN and Infinity as null).
            Value::Null => visitor
                .visit_unit()
                .map_err(|e: Error| Error(e.0.replace("unit value", "null"))),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => visitor.visit_str(s),
            Value::Array(items) => {
                let mut seq = Items {
                    items: items.iter(),
                    index: 0,
                    path: self.path,
                };
                let v = visitor.visit_seq(&mut seq)?;
                if seq.items.len() > 0 {
                    return Err(de::Error::invalid_length(items.len(), &"fewer elements"));
                }
                Ok(v)
            }
            Value::Object(map) => visitor.visit_map(Fields {
                entries: map.iter(),
                next: None,
                path: self.path,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    // Everything else is decided by the JSON value itself. (The configs
    // have no externally tagged enums, the one kind this would not read.)
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

struct Items<'a, 'p> {
    items: std::slice::Iter<'a, Value>,
    index: usize,
    path: &'p Path<'a>,
}

impl<'de, 'a, 'p> SeqAccess<'de> for Items<'a, 'p> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        self.path.borrow_mut().push(Seg::Index(self.index));
        let v = seed.deserialize(At {
            value,
            path: self.path,
        })?;
        self.path.borrow_mut().pop();
        self.index += 1;
        Ok(Some(v))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Fields<'a, 'p> {
    entries: serde_json::map::Iter<'a>,
    next: Option<&'a Value>,
    path: &'p Path<'a>,
}

impl<'de, 'a, 'p> MapAccess<'de> for Fields<'a, 'p> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.next = Some(value);
        self.path.borrow_mut().push(Seg::Key(key));
        seed.deserialize(de::value::StrDeserializer::<Error>::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = self
            .next
            .take()
            .ok_or_else(|| <Error as de::Error>::custom("a value without its key"))?;
        let v = seed.deserialize(At {
            value,
            path: self.path,
        })?;
        self.path.borrow_mut().pop();
        Ok(v)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        k: usize,
        #[serde(default)]
        opt: Option<f64>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        name: String,
        list: Vec<Inner>,
        flag: bool,
    }

    fn read(json: &str) -> Result<Outer, (String, String)> {
        from_value(&serde_json::from_str(json).unwrap())
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let json =
            r#"{"name":"a","list":[{"k":1},{"k":2,"opt":null},{"k":3,"opt":0.5}],"flag":true}"#;
        let want: Outer = serde_json::from_str(json).unwrap();
        assert_eq!(read(json).unwrap(), want);
        assert_eq!(want.list[2].opt, Some(0.5));
    }

    #[test]
    fn errors_name_the_field() {
        let e = read(r#"{"name":"a","list":[{"k":1},{"k":-2}],"flag":true}"#).unwrap_err();
        assert_eq!(e.0, "list[1].k");
        assert!(e.1.contains("invalid value: integer `-2`"), "{}", e.1);
        let e = read(r#"{"name":"a","list":[{"k":1,"opt":"x"}],"flag":true}"#).unwrap_err();
        assert_eq!(e.0, "list[0].opt");
        let e = read(r#"{"name":"a","list":[],"flag":null}"#).unwrap_err();
        assert_eq!(
            e,
            (
                "flag".into(),
                "invalid type: null, expected a boolean".into()
            )
        );
        // An unknown key is on the path: its object is the parent.
        let e = read(r#"{"name":"a","list":[{"k":1,"kk":2}],"flag":true}"#).unwrap_err();
        assert_eq!(e.0, "list[0].kk");
        assert!(e.1.starts_with("unknown field `kk`"), "{}", e.1);
        let e = read(r#"{"name":"a","list":[]}"#).unwrap_err();
        assert_eq!(e, (String::new(), "missing field `flag`".into()));
        let e = read(r#"{"name":"a","list":[{"k":1.5}],"flag":true}"#).unwrap_err();
        assert_eq!(e.0, "list[0].k");
        assert!(e.1.contains("floating point `1.5`"), "{}", e.1);
    }
}
