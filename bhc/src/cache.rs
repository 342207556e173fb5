//! The on-disk cache of compiled modules. For base, start-up links the cache instead of
//! re-checking the library; for user modules it is the interface file (`.bhi`) that makes
//! recompilation avoidance work: a module whose source and whose imports' interface
//! fingerprints are unchanged is linked from its file instead of compiled. One file per
//! module holds its import list, the source hash and import fingerprints it was compiled
//! against, its interface, byte code and what the simplifier knows about it. The cache
//! directory is keyed by the identity of the `bhc` executable (which embeds base's
//! sources), so a rebuilt compiler never reads a stale file. A corrupt file is detected by
//! its checksum and the module is recompiled.

use bhc_bytecode::CompiledModule;
use bhc_front::simplify::Knowledge;
use bhc_front::Interface;
use std::path::PathBuf;

const MAGIC: &[u8; 4] = b"BHCC";
const VERSION: u32 = 2;

/// A compiled module as the cache holds it.
pub struct CachedModule {
    pub imports: Vec<String>,
    /// Hash of the source text it was compiled from.
    pub source_hash: u64,
    /// The interface fingerprint of each import at the time.
    pub dep_fingerprints: Vec<(String, u64)>,
    pub interface: Interface,
    pub code: CompiledModule,
    pub knowledge: Knowledge,
}

pub struct Cache {
    dir: Option<PathBuf>,
}

pub fn fnv1a(bytes: &[u8]) -> u64 {
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
        push_section(&mut payload, &self.source_hash.to_le_bytes());
        let deps: Vec<String> = self.dep_fingerprints.iter().map(|(m, f)| format!("{m} {f:016x}")).collect();
        push_section(&mut payload, deps.join("\n").as_bytes());
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

    /// Decode a cache file; the error says what is wrong with it.
    pub fn decode(bytes: &[u8]) -> Result<CachedModule, String> {
        if bytes.get(..4) != Some(MAGIC) {
            return Err("not a bhc interface file".into());
        }
        if bytes.get(4..8) != Some(&VERSION.to_le_bytes()[..]) {
            return Err("written by another version of bhc".into());
        }
        let checksum = bytes.get(8..16).and_then(|b| b.try_into().ok()).map(u64::from_le_bytes).ok_or("truncated header")?;
        let payload = &bytes[16..];
        if fnv1a(payload) != checksum {
            return Err("checksum mismatch (truncated or corrupt)".into());
        }
        let mut r = Reader { bytes: payload };
        let mut section = || r.section().ok_or_else(|| "truncated section".to_string());
        let imports = std::str::from_utf8(section()?).map_err(|e| e.to_string())?;
        let imports = imports.split('\n').filter(|s| !s.is_empty()).map(str::to_string).collect();
        let source_hash = section()?.try_into().map(u64::from_le_bytes).map_err(|_| "bad source hash")?;
        let deps = std::str::from_utf8(section()?).map_err(|e| e.to_string())?;
        let dep_fingerprints = deps
            .split('\n')
            .filter(|s| !s.is_empty())
            .map(|line| {
                let (m, f) = line.split_once(' ').ok_or("bad dependency line")?;
                Ok((m.to_string(), u64::from_str_radix(f, 16).map_err(|_| "bad fingerprint")?))
            })
            .collect::<Result<Vec<_>, &str>>()?;
        let interface = Interface::decode(section()?).map_err(|e| e.to_string())?;
        let code = CompiledModule::decode(section()?).map_err(|e| e.to_string())?;
        let knowledge = Knowledge::decode(section()?).map_err(|e| e.to_string())?;
        if !r.bytes.is_empty() {
            return Err("trailing bytes".into());
        }
        Ok(CachedModule { imports, source_hash, dep_fingerprints, interface, code, knowledge })
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

    /// Where a module's file lives: base modules by name, user modules by name and the
    /// path of their source (two programs may each have a `Main`).
    pub fn file(&self, module: &str, source_path: Option<&str>) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        Some(match source_path {
            None => dir.join(format!("{module}.bhcache")),
            Some(path) => {
                let abs = std::fs::canonicalize(path).map_or_else(|_| path.to_string(), |p| p.display().to_string());
                dir.join("user").join(format!("{module}-{:016x}.bhi", fnv1a(abs.as_bytes())))
            }
        })
    }

    /// A base module from the cache; a corrupt file is removed and counts as a miss.
    pub fn load(&self, module: &str) -> Option<CachedModule> {
        let file = self.file(module, None)?;
        let bytes = std::fs::read(&file).ok()?;
        let cached = CachedModule::decode(&bytes);
        if cached.is_err() {
            let _ = std::fs::remove_file(&file);
        }
        cached.ok()
    }

    /// A user module's interface file: `Ok(None)` when there is none, `Err` (with the
    /// file and the reason) when it exists but cannot be trusted.
    pub fn load_user(&self, module: &str, source_path: &str) -> Result<Option<CachedModule>, String> {
        let Some(file) = self.file(module, Some(source_path)) else { return Ok(None) };
        let Ok(bytes) = std::fs::read(&file) else { return Ok(None) };
        CachedModule::decode(&bytes).map(Some).map_err(|why| {
            let _ = std::fs::remove_file(&file);
            format!("{}: {why}", file.display())
        })
    }

    /// Remove the cache directories of other bhc builds (named by their 16-hex-digit
    /// key): a rebuilt compiler never reads them again. Called when this build first
    /// creates its own directory.
    /// Remove the caches of other builds untouched for a day: a build used alongside
    /// this one (another checkout, a test run of an older binary) keeps its cache, so
    /// the two do not delete each other's files while both are running.
    fn prune_other_builds(dir: &std::path::Path) {
        let (Some(parent), Some(own)) = (dir.parent(), dir.file_name()) else { return };
        let Ok(entries) = std::fs::read_dir(parent) else { return };
        let day = std::time::Duration::from_secs(24 * 60 * 60);
        for entry in entries.flatten() {
            let name = entry.file_name();
            let is_key = name.len() == 16 && name.to_string_lossy().chars().all(|c| c.is_ascii_hexdigit());
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > day));
            if is_key && stale && name != own && entry.path().is_dir() {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }

    /// Write atomically (a temporary file renamed into place), so a concurrent reader
    /// sees either the old file or the new one.
    pub fn store(&self, module: &str, source_path: Option<&str>, m: &CachedModule) {
        let Some(file) = self.file(module, source_path) else { return };
        let Some(dir) = file.parent() else { return };
        if let Some(build_dir) = self.dir.as_deref().filter(|d| !d.exists()) {
            if std::fs::create_dir_all(build_dir).is_ok() {
                Cache::prune_other_builds(build_dir);
            }
        }
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let tmp = dir.join(format!("{module}.{}.tmp", std::process::id()));
        if std::fs::write(&tmp, m.encode()).is_ok() && std::fs::rename(&tmp, &file).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}
