use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde_json::{Value, json};
use tokio::sync::{Notify, broadcast};

pub const APP_ID: u64 = 900_000_000_000_000_001;
pub const BOT_ID: u64 = 900_000_000_000_000_002;
pub const USER_ID: u64 = 900_000_000_000_000_003;
pub const CHANNEL_ID: u64 = 900_000_000_000_000_004;
pub const GUILD_ID: u64 = 900_000_000_000_000_005;
pub const MODERATOR_ROLE: u64 = 900_000_000_000_000_006;
/// Discord's MANAGE_GUILD permission bit.
pub const MANAGE_GUILD: u64 = 1 << 5;

/// A request the bot made, or a gateway frame it sent.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub body: Value,
    /// The bot token the request carried (interaction callbacks and webhooks carry none).
    pub token: String,
}

#[derive(Default)]
struct Log {
    requests: Mutex<Vec<Recorded>>,
    frames: Mutex<Vec<Value>>,
    changed: Notify,
}

#[derive(Clone)]
struct Shared {
    log: Arc<Log>,
    events: broadcast::Sender<Value>,
    seq: Arc<AtomicU64>,
    addr: SocketAddr,
    /// Answer IDENTIFY by closing with 4004 (authentication failed).
    reject_token: bool,
    /// The number of shards `/gateway/bot` recommends.
    shards: u64,
    /// Answer the next interaction callback with HTTP 500.
    fail_next_callback: Arc<std::sync::atomic::AtomicBool>,
    /// When set, interactions dispatched since, by id: a callback later than Discord's 3 s is
    /// refused as Discord refuses it ("Unknown interaction").
    window: Arc<Mutex<Option<std::collections::HashMap<String, std::time::Instant>>>>,
}

/// How long Discord accepts the first response to an interaction.
pub const INTERACTION_WINDOW: Duration = Duration::from_secs(3);

/// The fake: a running server plus what it has seen.
pub struct FakeDiscord {
    shared: Shared,
}

impl FakeDiscord {
    pub async fn start() -> FakeDiscord {
        FakeDiscord::start_with(false, 1).await
    }

    /// A fake that refuses every token, as Discord does with close code 4004.
    pub async fn start_rejecting_token() -> FakeDiscord {
        FakeDiscord::start_with(true, 1).await
    }

    /// A fake that recommends `shards` shards and sends each server's events only to the session
    /// identified as that server's shard (`(guild_id >> 22) % shards`), direct messages to shard 0.
    pub async fn start_sharded(shards: u64) -> FakeDiscord {
        FakeDiscord::start_with(false, shards).await
    }

    async fn start_with(reject_token: bool, shards: u64) -> FakeDiscord {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        // Room for bursts (a thousand votes) dispatched faster than the bot reads them.
        let (events, _) = broadcast::channel(8192);
        let shared = Shared {
            log: Arc::default(),
            events,
            seq: Arc::new(AtomicU64::new(1)),
            addr,
            reject_token,
            shards,
            fail_next_callback: Arc::default(),
            window: Arc::default(),
        };
        let app = Router::new()
            .route("/api/v10/gateway", get(gateway_url))
            .route("/api/v10/gateway/bot", get(bot_gateway))
            .route("/api/v10/oauth2/applications/@me", get(application))
            .route("/api/v10/applications/:app/commands", put(echo_commands))
            .route("/api/v10/applications/:app/guilds/:guild/commands", put(echo_commands))
            .route("/api/v10/interactions/:id/:token/callback", post(callback))
            .route("/api/v10/channels/:channel/messages", post(message_created))
            .route("/api/v10/webhooks/:app/:token", post(followup))
            .route("/api/v10/webhooks/:app/:token/messages/:message", axum::routing::patch(followup))
            .route("/gateway", get(gateway))
            .fallback(not_found)
            .with_state(shared.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        FakeDiscord { shared }
    }

    /// The base address to give the bot as `discord.api_base`.
    pub fn api_base(&self) -> String {
        format!("http://{}", self.shared.addr)
    }

    /// From now on, refuses interaction callbacks that come later than Discord allows (3 s after
    /// the dispatch); a refused one is recorded under the path `late:<path>`.
    pub fn enforce_interaction_window(&self) {
        *self.shared.window.lock().unwrap() = Some(Default::default());
    }

    /// Sends a dispatch event to every connected gateway session.
    pub fn dispatch(&self, kind: &str, data: Value) {
        if kind == "INTERACTION_CREATE"
            && let Some(sent) = self.shared.window.lock().unwrap().as_mut()
        {
            sent.insert(data["id"].as_str().unwrap_or_default().to_string(), std::time::Instant::now());
        }
        let seq = self.shared.seq.fetch_add(1, Ordering::SeqCst);
        let _ = self.shared.events.send(json!({"op": 0, "s": seq, "t": kind, "d": data}));
    }

    /// Drops every gateway connection without a close frame, as a network failure would.
    pub fn drop_connections(&self) {
        let _ = self.shared.events.send(json!({"control": "drop"}));
    }

    /// Sends a raw frame (for malformed payloads).
    pub fn send_raw(&self, frame: Value) {
        let _ = self.shared.events.send(frame);
    }

    /// Makes the next interaction callback fail with HTTP 500.
    pub fn fail_next_callback(&self) {
        self.shared.fail_next_callback.store(true, Ordering::SeqCst);
    }

    /// Waits (up to 20 s, so a broken bot fails instead of hanging) for a request matching `pick`.
    pub async fn request(&self, pick: impl Fn(&Recorded) -> bool) -> Recorded {
        self.wait(|log| log.requests.lock().unwrap().iter().find(|r| pick(r)).cloned()).await
    }

    /// Waits for a gateway frame from the bot with this opcode.
    pub async fn frame(&self, op: u64) -> Value {
        self.frame_where(|f| f["op"] == op).await
    }

    /// Waits for the IDENTIFY of the session that runs shard `id`.
    pub async fn identified(&self, id: u64) -> Value {
        self.frame_where(|f| f["op"] == 2 && f["d"]["shard"][0] == id).await
    }

    async fn frame_where(&self, pick: impl Fn(&Value) -> bool) -> Value {
        self.wait(|log| log.frames.lock().unwrap().iter().find(|f| pick(f)).cloned()).await
    }

    /// Every request so far matching `pick`.
    pub fn requests(&self, pick: impl Fn(&Recorded) -> bool) -> Vec<Recorded> {
        self.shared.log.requests.lock().unwrap().iter().filter(|r| pick(r)).cloned().collect()
    }

    async fn wait<T>(&self, mut find: impl FnMut(&Log) -> Option<T>) -> T {
        let log = &self.shared.log;
        // A guard against a hang, not a measure of speed: the slowest path (a write that waits out
        // SQLite's 5 s busy timeout behind another) took over 20 s on a loaded CI machine.
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        loop {
            let changed = log.changed.notified();
            if let Some(found) = find(log) {
                return found;
            }
            if tokio::time::timeout_at(deadline, changed).await.is_err() {
                panic!("the bot did not do what the test waited for");
            }
        }
    }
}

fn record(shared: &Shared, headers: &HeaderMap, method: &Method, uri: &Uri, body: &[u8]) -> Value {
    let body: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or_default();
    let entry = Recorded {
        method: method.to_string(),
        path: uri.path().to_string(),
        body: body.clone(),
        token: auth.strip_prefix("Bot ").unwrap_or(auth).to_string(),
    };
    shared.log.requests.lock().unwrap().push(entry);
    shared.log.changed.notify_waiters();
    body
}

async fn gateway_url(State(shared): State<Shared>) -> Response {
    axum::Json(json!({"url": format!("ws://{}/gateway", shared.addr)})).into_response()
}

/// The gateway address with the recommended number of shards.
async fn bot_gateway(State(shared): State<Shared>, headers: HeaderMap, method: Method, uri: Uri) -> Response {
    record(&shared, &headers, &method, &uri, &[]);
    axum::Json(json!({
        "url": format!("ws://{}/gateway", shared.addr),
        "shards": shared.shards,
        "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
    }))
    .into_response()
}

/// The shard a dispatch belongs to: its server's, or 0 for one outside a server.
fn shard_of(event: &Value, total: u64) -> u64 {
    let guild = event["d"]["guild_id"].as_str().and_then(|g| g.parse::<u64>().ok());
    guild.map_or(0, |g| (g >> 22) % total.max(1))
}

/// The bot's application, as Discord describes it to its own token (401 for a refused token).
async fn application(State(shared): State<Shared>, headers: HeaderMap, method: Method, uri: Uri) -> Response {
    record(&shared, &headers, &method, &uri, &[]);
    if shared.reject_token {
        return (StatusCode::UNAUTHORIZED, axum::Json(json!({"message": "401: Unauthorized", "code": 0})))
            .into_response();
    }
    axum::Json(json!({
        "id": APP_ID.to_string(),
        "name": "nichiro",
        "icon": null,
        "description": "",
        "bot_public": true,
        "bot_require_code_grant": false,
        "verify_key": "0".repeat(64),
        "team": null,
        "owner": {"id": USER_ID.to_string(), "username": "owner", "discriminator": "0", "avatar": null},
        "flags": 0
    }))
    .into_response()
}

async fn echo_commands(
    State(shared): State<Shared>,
    headers: HeaderMap,
    method: Method,
    uri: Uri,
    body: axum::body::Bytes,
) -> Response {
    let body = record(&shared, &headers, &method, &uri, &body);
    let commands: Vec<Value> = body
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, mut c)| {
            c["id"] = json!((800_000_000_000_000_000u64 + i as u64).to_string());
            c["application_id"] = json!(APP_ID.to_string());
            c["version"] = json!("1");
            if c.get("type").is_none() {
                c["type"] = json!(1);
            }
            c
        })
        .collect();
    axum::Json(Value::Array(commands)).into_response()
}

async fn callback(
    State(shared): State<Shared>,
    headers: HeaderMap,
    method: Method,
    uri: Uri,
    body: axum::body::Bytes,
) -> Response {
    let id = uri.path().split('/').nth(4).unwrap_or_default().to_string();
    let late = shared
        .window
        .lock()
        .unwrap()
        .as_ref()
        .is_some_and(|sent| sent.get(&id).is_some_and(|at| at.elapsed() > INTERACTION_WINDOW));
    if late {
        let uri: Uri = format!("/late:{}", uri.path()).parse().unwrap_or_default();
        record(&shared, &headers, &method, &uri, &body);
        let error = json!({"message": "Unknown interaction", "code": 10062});
        return (StatusCode::NOT_FOUND, axum::Json(error)).into_response();
    }
    record(&shared, &headers, &method, &uri, &body);
    if shared.fail_next_callback.swap(false, Ordering::SeqCst) {
        let error = json!({"message": "500: Internal Server Error", "code": 0});
        return (StatusCode::INTERNAL_SERVER_ERROR, axum::Json(error)).into_response();
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn message_created(
    State(shared): State<Shared>,
    Path(channel): Path<String>,
    headers: HeaderMap,
    method: Method,
    uri: Uri,
    body: axum::body::Bytes,
) -> Response {
    echo_message(&shared, &headers, &method, &uri, &body, &channel)
}

/// A follow-up message, or an edit of the original response, after a deferred response.
async fn followup(
    State(shared): State<Shared>,
    headers: HeaderMap,
    method: Method,
    uri: Uri,
    body: axum::body::Bytes,
) -> Response {
    echo_message(&shared, &headers, &method, &uri, &body, &CHANNEL_ID.to_string())
}

/// Records a message the bot sent and answers with it as Discord would: by the bot, in `channel`.
fn echo_message(
    shared: &Shared,
    headers: &HeaderMap,
    method: &Method,
    uri: &Uri,
    body: &[u8],
    channel: &str,
) -> Response {
    let body = record(shared, headers, method, uri, body);
    let mut message = message_payload(channel, BOT_ID, true, body["content"].as_str().unwrap_or(""), &[]);
    message["embeds"] = body["embeds"].clone();
    axum::Json(message).into_response()
}

async fn not_found(
    State(shared): State<Shared>,
    headers: HeaderMap,
    method: Method,
    uri: Uri,
    body: axum::body::Bytes,
) -> Response {
    record(&shared, &headers, &method, &uri, &body);
    (StatusCode::NOT_FOUND, axum::Json(json!({"message": "Unknown", "code": 0}))).into_response()
}

/// A MESSAGE_CREATE payload with the fields serenity 0.12 requires.
pub fn message_payload(channel: &str, author: u64, bot: bool, content: &str, mentions: &[u64]) -> Value {
    let mentions: Vec<Value> =
        mentions.iter().map(|id| json!({"id": id.to_string(), "username": "someone"})).collect();
    json!({
        "id": "700000000000000001",
        "channel_id": channel,
        "author": {"id": author.to_string(), "username": if bot { "a bot" } else { "student" }, "bot": bot},
        "content": content,
        "timestamp": "2026-11-23T12:00:00.000000+00:00",
        "tts": false,
        "mention_everyone": false,
        "mentions": mentions,
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": false,
        "type": 0
    })
}

/// An INTERACTION_CREATE payload for a slash command `/name option:value` in a DM.
pub fn slash_command(id: u64, name: &str, options: Value) -> Value {
    json!({
        "id": id.to_string(),
        "application_id": APP_ID.to_string(),
        "type": 2,
        "token": format!("token-{id}"),
        "version": 1,
        "channel_id": CHANNEL_ID.to_string(),
        "locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 8388608,
        "user": {"id": USER_ID.to_string(), "username": "student"},
        "data": {"id": "800000000000000000", "name": name, "type": 1, "options": options}
    })
}

/// The READY payload for a new session.
pub fn ready(addr: SocketAddr) -> Value {
    json!({
        "v": 10,
        "user": {"id": BOT_ID.to_string(), "username": "nichiro", "bot": true},
        "guilds": [],
        "session_id": "session-1",
        "resume_gateway_url": format!("ws://{addr}/gateway"),
        "application": {"id": APP_ID.to_string(), "flags": 0}
    })
}

async fn gateway(State(shared): State<Shared>, upgrade: WebSocketUpgrade) -> Response {
    upgrade.on_upgrade(move |socket| session(shared, socket))
}

async fn session(shared: Shared, mut socket: WebSocket) {
    let mut events = shared.events.subscribe();
    let hello = json!({"op": 10, "d": {"heartbeat_interval": 45000}});
    if socket.send(Message::Text(hello.to_string())).await.is_err() {
        return;
    }
    // The [id, total] this session identified as.
    let mut shard = (0, 1);
    loop {
        tokio::select! {
            incoming = socket.recv() => {
                let Some(Ok(Message::Text(text))) = incoming else { return };
                let frame: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                shared.log.frames.lock().unwrap().push(frame.clone());
                shared.log.changed.notify_waiters();
                let seq = shared.seq.fetch_add(1, Ordering::SeqCst);
                if frame["op"] == 2 && shared.reject_token {
                    let close = axum::extract::ws::CloseFrame { code: 4004, reason: "Authentication failed.".into() };
                    let _ = socket.send(Message::Close(Some(close))).await;
                    return;
                }
                let reply = match frame["op"].as_u64() {
                    Some(1) => json!({"op": 11}),
                    Some(2) => {
                        let given = &frame["d"]["shard"];
                        shard = (given[0].as_u64().unwrap_or(0), given[1].as_u64().unwrap_or(1));
                        let mut ready = ready(shared.addr);
                        ready["shard"] = json!([shard.0, shard.1]);
                        json!({"op": 0, "s": seq, "t": "READY", "d": ready})
                    }
                    Some(6) => json!({"op": 0, "s": seq, "t": "RESUMED", "d": {}}),
                    _ => continue,
                };
                if socket.send(Message::Text(reply.to_string())).await.is_err() {
                    return;
                }
            }
            event = events.recv() => {
                let Ok(event) = event else { return };
                if event["control"] == "drop" {
                    return;
                }
                if event["op"] == 0 && shard_of(&event, shard.1) != shard.0 {
                    continue;
                }
                if socket.send(Message::Text(event.to_string())).await.is_err() {
                    return;
                }
            }
        }
    }
}

/// An INTERACTION_CREATE payload for a button press on one of the bot's messages.
pub fn button_press(id: u64, custom_id: &str) -> Value {
    let mut press = slash_command(id, "", json!([]));
    press["type"] = json!(3);
    press["data"] = json!({"custom_id": custom_id, "component_type": 2});
    press["message"] = message_payload(&CHANNEL_ID.to_string(), BOT_ID, true, "", &[]);
    press
}

/// A guild member as interactions carry it: these roles and these channel permissions.
pub fn member(user: u64, roles: &[u64], permissions: u64) -> Value {
    let roles: Vec<String> = roles.iter().map(u64::to_string).collect();
    json!({
        "user": {"id": user.to_string(), "username": format!("member{user}")},
        "roles": roles,
        "joined_at": "2026-01-01T00:00:00.000000+00:00",
        "deaf": false,
        "mute": false,
        "flags": 0,
        "permissions": permissions.to_string()
    })
}

/// Moves an interaction into the test guild, made by `member` (see [`member`]).
pub fn in_guild(interaction: Value, member: Value) -> Value {
    in_guild_of(interaction, member, GUILD_ID)
}

/// Moves an interaction into guild `guild`, made by `member`.
pub fn in_guild_of(mut interaction: Value, member: Value, guild: u64) -> Value {
    let object = interaction.as_object_mut().unwrap();
    object.remove("user");
    object.insert("guild_id".into(), json!(guild.to_string()));
    object.insert("member".into(), member);
    interaction
}

/// A MESSAGE_CREATE payload in the test guild.
pub fn guild_message(id: u64, channel: u64, author: u64, content: &str) -> Value {
    let mut message = message_payload(&channel.to_string(), author, false, content, &[]);
    message["id"] = json!(id.to_string());
    message["guild_id"] = json!(GUILD_ID.to_string());
    message
}

/// An INTERACTION_CREATE payload for a submitted form (modal) with these `(field id, value)` pairs.
pub fn form_submit(id: u64, custom_id: &str, fields: &[(&str, &str)]) -> Value {
    let mut submit = slash_command(id, "", json!([]));
    submit["type"] = json!(5);
    let rows: Vec<Value> = fields
        .iter()
        .map(|(field, value)| json!({"type": 1, "components": [{"type": 4, "custom_id": field, "value": value}]}))
        .collect();
    submit["data"] = json!({"custom_id": custom_id, "components": rows});
    submit
}

/// A button press on the bot's message `message` (so votes on different answers differ).
pub fn button_press_on(id: u64, custom_id: &str, message: u64) -> Value {
    let mut press = button_press(id, custom_id);
    press["message"]["id"] = json!(message.to_string());
    press
}

/// Adds resolved channels and roles, as Discord sends them for channel and role options.
pub fn with_resolved(mut interaction: Value, channels: &[u64], roles: &[u64]) -> Value {
    let channels: serde_json::Map<String, Value> = channels
        .iter()
        .map(|c| {
            (c.to_string(), json!({"id": c.to_string(), "name": "study", "type": 0, "permissions": "0"}))
        })
        .collect();
    let roles: serde_json::Map<String, Value> = roles
        .iter()
        .map(|r| {
            let role = json!({
                "id": r.to_string(), "name": "moderators", "color": 0, "colors": {"primary_color": 0}, "hoist": false, "position": 1,
                "permissions": "0", "managed": false, "mentionable": false
            });
            (r.to_string(), role)
        })
        .collect();
    interaction["data"]["resolved"] = json!({"channels": channels, "roles": roles});
    interaction
}
