//! `Fill<T>`: a value, or a placeholder `[[…]]` still to fill (new-cycle's
//! drafts), read straight from the YAML scalar.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A value, or a placeholder `[[…]]` still to fill (as `new-cycle` writes
/// them). In YAML either the plain value (`number: 94`) or a quoted string
/// (`number: "[[số công văn]]"`); any other string is refused on load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fill<T> {
    Value(T),
    Placeholder(String),
}

/// True when `text` is one placeholder: `[[` … `]]`, nothing around it.
pub fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 4 && t.starts_with("[[") && t.ends_with("]]")
}

impl<T> Fill<T> {
    /// The value, unless it is still a placeholder.
    pub fn value(&self) -> Option<&T> {
        match self {
            Fill::Value(v) => Some(v),
            Fill::Placeholder(_) => None,
        }
    }

    pub fn placeholder(&self) -> Option<&str> {
        match self {
            Fill::Value(_) => None,
            Fill::Placeholder(p) => Some(p),
        }
    }
}

impl<T: Copy> Fill<T> {
    pub fn get(&self) -> Option<T> {
        self.value().copied()
    }
}

impl<T> From<T> for Fill<T> {
    fn from(value: T) -> Self {
        Fill::Value(value)
    }
}

/// The value as `T` prints it (so `{:02}` still pads a number), or the
/// placeholder text as written.
impl<T: fmt::Display> fmt::Display for Fill<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fill::Value(v) => v.fmt(f),
            Fill::Placeholder(p) => f.write_str(p),
        }
    }
}

impl<T: Serialize> Serialize for Fill<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Fill::Value(v) => v.serialize(s),
            Fill::Placeholder(p) => s.serialize_str(p),
        }
    }
}

/// The plain values a `Fill` can hold, read from a YAML scalar.
pub trait Scalar: Sized {
    fn from_u64(_: u64) -> Option<Self> {
        None
    }
    fn from_text(_: &str) -> Option<Self> {
        None
    }
}

impl Scalar for u32 {
    fn from_u64(v: u64) -> Option<Self> {
        u32::try_from(v).ok()
    }
    /// `07`: YAML reads a leading zero as a string.
    fn from_text(text: &str) -> Option<Self> {
        crate::cycle::values::parse_int(text)
    }
}

impl Scalar for NaiveDate {
    fn from_text(text: &str) -> Option<Self> {
        crate::cycle::values::parse_date(text, None)
    }
}

/// Reads a value or a placeholder straight from the scalar (so a wrong
/// value is reported at its own field path and line).
struct FillVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Scalar> serde::de::Visitor<'de> for FillVisitor<T> {
    type Value = Fill<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(EXPECTED_FILL)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Fill<T>, E> {
        T::from_u64(v)
            .map(Fill::Value)
            .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Fill<T>, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(E::invalid_value(serde::de::Unexpected::Signed(v), &self)),
        }
    }

    /// `7.0` is refused as a decimal (not as "floating point").
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Fill<T>, E> {
        Err(E::invalid_value(serde::de::Unexpected::Float(v), &self))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Fill<T>, E> {
        if is_placeholder(v) {
            return Ok(Fill::Placeholder(v.trim().to_string()));
        }
        T::from_text(v)
            .map(Fill::Value)
            .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
    }
}

impl<'de, T: Scalar> Deserialize<'de> for Fill<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FillVisitor(std::marker::PhantomData))
    }
}

/// What a `Fill` field takes, in serde's "expected" wording (translated by
/// the YAML error layer).
pub const EXPECTED_FILL: &str = "a number or a placeholder [[…]]";
