//! The `.bhi` codec: round trips, damaged files rejected without panics, fingerprints
//! that move with what importers see and only with that.

use super::{InterfaceError, FORMAT_VERSION};
use crate::interface::Interface;
use crate::tests::{compile, prelude, with_prelude};

fn prelude_iface() -> Interface {
    prelude().unwrap_or_else(|e| panic!("{}", e.join("\n")))
}

fn module_iface(src: &str) -> Interface {
    compile(src, "M.hs", false, &with_prelude()).unwrap_or_else(|e| panic!("{}", e.join("\n"))).interface
}

#[test]
fn prelude_interface_round_trips() {
    let p = prelude_iface();
    let bytes = p.encode();
    assert_eq!(Interface::decode(&bytes), Ok(p.clone()));
    assert_eq!(Interface::decode(&bytes).map(|i| i.fingerprint()), Ok(p.fingerprint()));
    assert_eq!(p.encode(), bytes, "encoding is deterministic");
}

#[test]
fn truncated_files_are_rejected() {
    let bytes = prelude_iface().encode();
    let cuts = (0..64).chain((64..bytes.len()).step_by(bytes.len() / 50 + 1)).chain([bytes.len() - 1]);
    for cut in cuts {
        assert!(Interface::decode(&bytes[..cut]).is_err(), "a file cut at {cut} bytes was accepted");
    }
}

#[test]
fn damaged_files_are_rejected() {
    let bytes = prelude_iface().encode();
    let mut flipped = bytes.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x40;
    assert_eq!(Interface::decode(&flipped), Err(InterfaceError::Checksum));
    let mut old = bytes.clone();
    old[4..8].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    assert_eq!(Interface::decode(&old), Err(InterfaceError::Version { found: FORMAT_VERSION + 1, expected: FORMAT_VERSION }));
    assert_eq!(Interface::decode(b"module Main where\n"), Err(InterfaceError::NotAnInterface));
    let mut longer = bytes;
    longer.push(0);
    assert!(Interface::decode(&longer).is_err());
}

/// Corruption that keeps the checksum valid (as a buggy writer would produce) must still
/// be caught by the structural checks, never panic or allocate without bound.
#[test]
fn corrupt_payloads_with_valid_checksums_never_panic() {
    let bytes = prelude_iface().encode();
    let payload = &bytes[24..];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..300 {
        let mut p = payload.to_vec();
        for _ in 0..1 + next() % 4 {
            let at = (next() as usize) % p.len();
            p[at] = next() as u8;
        }
        if next() % 3 == 0 {
            p.truncate((next() as usize) % p.len());
        }
        let _ = Interface::decode(&super::frame(&p));
    }
    let deep: Vec<u8> = [vec![0u8], vec![0, 0, 0, 0, 0, 0]].concat().into_iter().chain(std::iter::repeat(1).take(100_000)).collect();
    assert!(Interface::decode(&super::frame(&deep)).is_err());
}

const LIB: &str = "module M (T(..), f, (<+>)) where\ndata T = A | B\ninfixl 6 <+>\n(<+>) :: T -> T -> T\nx <+> _ = x\nf :: T -> Int\nf _ = 1\n";

#[test]
fn fingerprint_ignores_unexported_details() {
    let base = module_iface(LIB).fingerprint();
    let private = module_iface(&format!("{LIB}helper :: Int -> Int\nhelper x = x\ndata Hidden = H Int\n"));
    assert_eq!(private.fingerprint(), base);
    let body = module_iface(&LIB.replace("f _ = 1", "f _ = 2"));
    assert_eq!(body.fingerprint(), base);
}

#[test]
fn fingerprint_follows_exported_types_and_fixities() {
    let base = module_iface(LIB).fingerprint();
    assert_ne!(module_iface(&LIB.replace("f :: T -> Int", "f :: T -> Integer")).fingerprint(), base);
    assert_ne!(module_iface(&LIB.replace("infixl 6", "infixr 6")).fingerprint(), base);
    assert_ne!(module_iface(&LIB.replace("A | B", "A | B | C")).fingerprint(), base);
    assert_ne!(module_iface(&format!("{LIB}instance Show T where show _ = \"T\"\n")).fingerprint(), base);
}

#[test]
fn kinds_survive_the_round_trip() {
    let i = module_iface("module M where\ndata Fix f = Fix (f (Fix f))\nclass C f where\n  m :: f a -> f a\n");
    let decoded = Interface::decode(&i.encode()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(decoded.tycons.get("M.Fix").map(|t| t.kind.to_string()).as_deref(), Some("(* -> *) -> *"));
    assert_eq!(decoded.classes.get("M.C").map(|c| c.kind.to_string()).as_deref(), Some("* -> *"));
}
