//! The on-disk cache of compiled base modules, so that start-up links base instead of
//! re-checking it. One file per module holds its import list, interface, byte code and
//! what the simplifier knows about it. The cache directory is keyed by the identity of
//! the `bhc` executable (which embeds base's sources), so a rebuilt compiler never reads
//! a stale cache. Every failure to read or write is a cache miss, never an error: a
//! corrupt file is detected by its checksum and the module is recompiled.

use bhc_bytecode::CompiledModule;
use bhc_front::simplify::Knowledge;
use bhc_front::Interface;
use std::path::PathBuf;

const MAGIC: &[u8; 4] = b"BHCC";
const VERSION: u32 = 1;

/// A base module as the cache holds it.
pub struct CachedModule {
    pub imports: Vec<String>,
    pub interface: Interface,
    pub code: CompiledModule,
    pub knowledge: Knowledge,
}

pub struct Cache {
    dir: Option<PathBuf>,
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// Identifies this build of bhc: its size and modification time.
fn executable_key() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(format!("{:016x}", fnv1a(format!("{}-{}-{}", env!("CARGO_PKG_VERSION"), meta.len(), modified.as_nanos()).as_bytes())))
}

fn base_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("BHC_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME") {
        return Some(PathBuf::from(d).join("bhc"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache").join("bhc"))
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn section(&mut self) -> Option<&'a [u8]> {
        let len_bytes: [u8; 8] = self.bytes.get(..8)?.try_into().ok()?;
        let len = usize::try_from(u64::from_le_bytes(len_bytes)).ok()?;
        let section = self.bytes.get(8..8usize.checked_add(len)?)?;
        self.bytes = &self.bytes[8 + len..];
        Some(section)
    }
}

fn push_section(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

impl CachedModule {
    pub fn encode(&self) -> Vec<u8> {
        let mut payload = Vec::new();
        push_section(&mut payload, self.imports.join("\n").as_bytes());
        push_section(&mut payload, &self.interface.encode());
        push_section(&mut payload, &self.code.encode());
        push_section(&mut payload, &self.knowledge.encode());
        let mut out = Vec::with_capacity(payload.len() + 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&fnv1a(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        out
    }

    pub fn decode(bytes: &[u8]) -> Option<CachedModule> {
        if bytes.get(..4)? != MAGIC || bytes.get(4..8)? != VERSION.to_le_bytes() {
            return None;
        }
        let checksum = u64::from_le_bytes(bytes.get(8..16)?.try_into().ok()?);
        let payload = bytes.get(16..)?;
        if fnv1a(payload) != checksum {
            return None;
        }
        let mut r = Reader { bytes: payload };
        let imports = std::str::from_utf8(r.section()?).ok()?;
        let imports = imports.split('\n').filter(|s| !s.is_empty()).map(str::to_string).collect();
        let interface = Interface::decode(r.section()?).ok()?;
        let code = CompiledModule::decode(r.section()?).ok()?;
        let knowledge = Knowledge::decode(r.section()?).ok()?;
        r.bytes.is_empty().then_some(CachedModule { imports, interface, code, knowledge })
    }
}

impl Cache {
    /// The cache of this bhc build, or a disabled cache when there is no place for one
    /// (or `BHC_NO_CACHE` is set).
    pub fn open() -> Cache {
        let dir = if std::env::var_os("BHC_NO_CACHE").is_some() {
            None
        } else {
            base_dir().zip(executable_key()).map(|(d, key)| d.join(key))
        };
        Cache { dir }
    }

    fn file(&self, module: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(format!("{module}.bhcache")))
    }

    pub fn load(&self, module: &str) -> Option<CachedModule> {
        let file = self.file(module)?;
        let bytes = std::fs::read(&file).ok()?;
        let cached = CachedModule::decode(&bytes);
        if cached.is_none() {
            let _ = std::fs::remove_file(&file);
        }
        cached
    }

    /// Write atomically (a temporary file renamed into place), so a concurrent reader
    /// sees either the old file or the new one.
    pub fn store(&self, module: &str, m: &CachedModule) {
        let (Some(dir), Some(file)) = (self.dir.as_ref(), self.file(module)) else { return };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let tmp = dir.join(format!("{module}.{}.tmp", std::process::id()));
        if std::fs::write(&tmp, m.encode()).is_ok() && std::fs::rename(&tmp, &file).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}
