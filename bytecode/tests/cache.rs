//! The byte-code cache: a module survives encoding and decoding (it links and runs the
//! same), and corrupt input of every kind is an error, never a panic.

mod common;

use bhc_bytecode::{compile_module, link, CacheError, CompiledModule};
use common::*;

/// A small deterministic generator (xorshift) for the corruption tests.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Make the header agree with a changed payload, so that decoding reaches the parser.
fn reseal(bytes: &mut [u8]) {
    if bytes.len() < 32 {
        return;
    }
    let len = (bytes.len() - 32) as u64;
    let sum = fnv1a(&bytes[32..]);
    bytes[16..24].copy_from_slice(&len.to_le_bytes());
    bytes[24..32].copy_from_slice(&sum.to_le_bytes());
}

#[test]
fn a_decoded_module_links_and_runs_like_the_original() {
    let prelude = compile_module(&prelude(true)).unwrap();
    let mut gen = Gen::new();
    let m = main_module(&mut gen, vec![], |_, w| {
        call("Prelude.printInt", vec![int(-1234), lv(w)])
    });
    let main = compile_module(&m).unwrap();
    let mut rt = bhc_rts::Runtime::new(opts());
    for module in [&prelude, &main] {
        let bytes = module.encode();
        let decoded = CompiledModule::decode(&bytes).unwrap();
        assert_eq!(decoded.encode(), bytes, "{}", module.name);
        assert_eq!(decoded.to_string(), module.to_string());
        link(&mut rt, &decoded).unwrap();
    }
    let ran = run(&mut rt, "Test.main");
    assert_eq!(ran.out, "-1234");
}

#[test]
fn corrupt_caches_are_errors_never_panics() {
    let bytes = compile_module(&prelude(true)).unwrap().encode();
    assert!(matches!(CompiledModule::decode(b"nonsense"), Err(CacheError::NotACache)));
    let mut stale = bytes.clone();
    stale[4] ^= 1;
    assert!(matches!(CompiledModule::decode(&stale), Err(CacheError::Stale)));
    let mut flipped = bytes.clone();
    flipped[40] ^= 0x10;
    assert!(matches!(CompiledModule::decode(&flipped), Err(CacheError::Corrupt(_))));
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut decoded = 0;
    for round in 0..3000 {
        let mut b = bytes.clone();
        match round % 4 {
            0 => {
                let i = 32 + rng.below(b.len() - 32);
                b[i] = rng.next() as u8;
            }
            1 => b.truncate(32 + rng.below(b.len() - 32)),
            2 => {
                let i = 32 + rng.below(b.len() - 32);
                b.insert(i, rng.next() as u8);
            }
            _ => {
                for _ in 0..8 {
                    let i = 32 + rng.below(b.len() - 32);
                    b[i] = rng.next() as u8;
                }
            }
        }
        reseal(&mut b);
        if let Ok(m) = CompiledModule::decode(&b) {
            // Whatever decodes must link without panicking (code is validated there).
            let mut rt = bhc_rts::Runtime::new(opts());
            let _ = link(&mut rt, &m);
            decoded += 1;
        }
    }
    assert!(decoded < 3000);
}
