//! `nichiro gaps` and `nichiro export-suggestions`: the study groups' state, read from the command line.

use std::path::Path;
use std::process::ExitCode;

use nichiro::config::{StateConfig, StateLocation};
use nichiro::state::Store;

/// Opens the existing state read-only (bots may be running on it); a missing file is an error here,
/// not a new empty store.
fn open(state: &StateConfig) -> Result<Store, String> {
    let path = match state.location() {
        StateLocation::Database(url) => return Store::connect_read_only(url).map_err(|e| e.to_string()),
        StateLocation::File(path) => path,
    };
    if !path.exists() {
        return Err(format!(
            "no state file at {} (the bot creates it on its first start; --state or state.path picks another)",
            path.display()
        ));
    }
    Store::open_read_only(path).map_err(|e| e.to_string())
}

/// Prints the gap report.
pub fn gaps(state: &StateConfig, days: u32, guild: Option<u64>, limit: usize) -> Result<ExitCode, String> {
    let store = open(state)?;
    let since = nichiro::study::now() - i64::from(days) * 86_400;
    let report = store.gap_report(guild, since, limit).map_err(|e| e.to_string())?;
    print!("{}", nichiro::study::gaps_text(&report, days, nichiro::display::clean));
    Ok(ExitCode::SUCCESS)
}

/// Writes the approved suggestions to `out` as a fact base (facts/suggested.toml, sources.toml):
/// existing files are kept unless `force`, and a symbolic link is never written through.
pub fn export(state: &StateConfig, out: &Path, guild: Option<u64>, force: bool) -> Result<ExitCode, String> {
    let store = open(state)?;
    let approved = store.approved(guild).map_err(|e| e.to_string())?;
    let today = civil_date(nichiro::study::now());
    let (facts, sources) = nichiro::study::export(&approved, &today);
    let facts_dir = out.join("facts");
    let files = [(facts_dir.join("suggested.toml"), facts), (out.join("sources.toml"), sources)];
    // Every path is checked before any is written, so a refusal leaves nothing half exported.
    for dir in [out, facts_dir.as_path()] {
        refuse_link(dir)?;
    }
    for (file, _) in &files {
        refuse_to_replace(file, force)?;
    }
    std::fs::create_dir_all(&facts_dir).map_err(|e| format!("cannot create {}: {e}", facts_dir.display()))?;
    for (file, text) in files {
        write_new(&file, &text)?;
    }
    println!(
        "exported {} approved suggestion{} to {} (facts/suggested.toml, sources.toml); `nichiro check {}` lists what curators must add before merging",
        approved.len(),
        if approved.len() == 1 { "" } else { "s" },
        out.display(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Why a symbolic link is refused.
fn link_refused(path: &Path) -> String {
    format!("{} is a symbolic link; I never write through one", path.display())
}

/// Refuses a symbolic link.
fn refuse_link(path: &Path) -> Result<(), String> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(link_refused(path)),
        _ => Ok(()),
    }
}

/// Refuses a symbolic link always, and an existing file unless `force`.
fn refuse_to_replace(file: &Path, force: bool) -> Result<(), String> {
    match std::fs::symlink_metadata(file) {
        Ok(meta) if meta.file_type().is_symlink() => Err(link_refused(file)),
        Ok(meta) if !meta.is_file() => Err(format!("{} exists and is not a file", file.display())),
        Ok(_) if !force => Err(format!("{} exists; use --force to replace it", file.display())),
        _ => Ok(()),
    }
}

/// Writes `text` to a new temporary file beside `file` and renames it over `file`: a link or file
/// put there meanwhile is replaced, never followed.
fn write_new(file: &Path, text: &str) -> Result<(), String> {
    let error = |e: std::io::Error| format!("cannot write {}: {e}", file.display());
    let mut temp = file.as_os_str().to_owned();
    temp.push(format!(".{}.tmp", std::process::id()));
    let temp = std::path::PathBuf::from(temp);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    if let Err(e) = written.and_then(|()| std::fs::rename(&temp, file)) {
        let _ = std::fs::remove_file(&temp);
        return Err(error(e));
    }
    Ok(())
}

/// `YYYY-MM-DD` (UTC) for unix seconds (Howard Hinnant's days-to-civil algorithm).
fn civil_date(seconds: i64) -> String {
    let z = seconds.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::civil_date;

    #[test]
    fn civil_date_known_days() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(951_782_400), "2000-02-29");
        assert_eq!(civil_date(1_795_392_000), "2026-11-23");
    }
}
