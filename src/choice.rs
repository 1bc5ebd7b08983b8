//! Named choices: a config's strings ('adam', 'circle', 'relu') become
//! enums once, when the config is read, and nothing downstream compares a
//! string again. Each enum lists its variants once (`ALL`), in the order the
//! catalog gives them to the page, with the id the config and the page use.

use crate::error::Error;

/// `field must be one of 'a', 'b', got 'x'`: a name that is not a choice.
pub fn not_one_of(field: &str, value: &str, allowed: &[&str]) -> Error {
    Error::unknown_choice(field, value, allowed)
}

/// `choice! { pub enum Name { Variant = "id", ... } }`: the enum, `ALL`,
/// `id()`, `parse(field, text)` and `Serialize` as the id.
#[macro_export]
macro_rules! choice {
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $var:ident = $id:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vm])* $var),+ }

        impl $name {
            /// Every choice, in catalog order.
            pub const ALL: &'static [$name] = &[$($name::$var),+];

            /// The id a config (and the page) writes.
            pub fn id(self) -> &'static str {
                match self { $($name::$var => $id),+ }
            }

            /// The choice named `text`, or an error naming `field` and the choices.
            pub fn parse(field: &str, text: &str) -> $crate::error::Result<$name> {
                match text {
                    $($id => Ok($name::$var),)+
                    other => Err($crate::choice::not_one_of(field, other, &[$($id),+])),
                }
            }

            /// A `read_json` reader: the text at `path`, parsed.
            pub fn read(v: &serde_json::Value, path: &str) -> $crate::read_json::Res<$name> {
                let text = $crate::read_json::text(v, path)?;
                $name::parse(path, &text)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }
    };
}
