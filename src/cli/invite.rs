//! `nichiro invite`: the address that adds the bot to a server.

use std::process::ExitCode;

use nichiro::config::DiscordConfig;

/// Prints the invite address for `given`, else the configured application id, else the one Discord
/// gives for the bot's token.
pub fn run(given: Option<u64>, config: &DiscordConfig) -> Result<ExitCode, String> {
    let id = match given.or(config.application_id) {
        Some(id) => id,
        None => {
            let token = super::serve::token(config)
                .map_err(|e| format!("{e}, or give the application id with --application-id"))?;
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| format!("cannot start the runtime: {e}"))?;
            runtime
                .block_on(nichiro::discord::application_id(&token, config.api_base.as_deref()))
                .map_err(|e| format!("cannot ask Discord for the application id: {e}"))?
        }
    };
    println!("{}", nichiro::discord::invite_url(id));
    Ok(ExitCode::SUCCESS)
}
