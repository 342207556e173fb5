//! Core to STG (being written).
