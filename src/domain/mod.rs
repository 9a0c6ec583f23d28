//! Values and rules of the domain, free of any file format.

pub mod values;
