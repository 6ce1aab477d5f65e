//! The command line: `serve` (with its job worker and SMTP settings), `migrate`, `demo`,
//! `user add`, `token create`, `places import`.

use clap::{Parser, Subcommand};
use kozos_app::Clock;
use kozos_domain::user::{Grant, Role, Scope};
use std::net::SocketAddr;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "kozos",
    version,
    about = "Community development programmes, run in the open."
)]
struct Cli {
    /// sqlite://path?mode=rwc or postgres://user:pass@host/db
    #[arg(
        long,
        env = "KOZOS_DATABASE_URL",
        default_value = "sqlite://data/kozos.db?mode=rwc",
        global = true
    )]
    database_url: String,
    /// Log as JSON lines (for log collectors) instead of human-readable text.
    #[arg(long, env = "KOZOS_LOG_JSON", global = true)]
    log_json: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate and serve the site.
    Serve(ServeArgs),
    /// Apply pending migrations and exit.
    Migrate,
    /// Load the five demo programmes and one account per role (idempotent); with
    /// `--scale national`, a national data set on top of them (once per database).
    Demo(DemoArgs),
    /// Accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// The places tree.
    Places {
        #[command(subcommand)]
        command: PlacesCommand,
    },
    /// A bare "hello" server for scripts/bench.sh to compare pages with (no database).
    #[command(hide = true)]
    BenchHello {
        #[arg(long, default_value = "127.0.0.1:8081")]
        bind: SocketAddr,
    },
    /// For scripts/bench-checkins.sh: an activity of the programme running now with this
    /// many registrations; prints the activity id, writes the tickets one per line.
    #[command(hide = true)]
    BenchCheckinsSetup {
        #[arg(long)]
        programme: i64,
        #[arg(long, default_value_t = 20000)]
        registrations: usize,
        #[arg(long)]
        tokens: std::path::PathBuf,
    },
    /// Benchmark: a finished training with this many completers, its certificates issued
    /// in bulk by the issue job; prints the time it took and the peak memory before and
    /// after (see scripts/bench-certificates.sh).
    #[command(hide = true)]
    BenchCertificates {
        #[arg(long)]
        programme: i64,
        #[arg(long, default_value_t = 200)]
        completers: usize,
    },
    /// Benchmark: the national data set loaded (unless it is), then the indicator reads
    /// timed warm and one check-in shown at once (see scripts/bench-indicators.sh).
    #[command(hide = true)]
    BenchIndicators {
        #[command(flatten)]
        size: crate::national::NationalSize,
        /// Load and report the load, without the reads.
        #[arg(long)]
        load_only: bool,
        #[arg(long, default_value_t = 3)]
        warmups: usize,
        #[arg(long, default_value_t = 20)]
        runs: usize,
    },
    /// Benchmark: searches on the national data set timed warm (load it first with
    /// `bench-indicators --load-only`; see scripts/bench-search.sh).
    #[command(hide = true)]
    BenchSearch {
        #[arg(long, default_value_t = 3)]
        warmups: usize,
        #[arg(long, default_value_t = 20)]
        runs: usize,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Scale {
    /// The five seed programmes.
    Demo,
    /// Every settlement, ~1,000 programmes, 1M people, 100k activities, 10M attendance.
    National,
}

#[derive(clap::Args)]
struct DemoArgs {
    #[arg(long, value_enum, default_value_t = Scale::Demo)]
    scale: Scale,
    #[command(flatten)]
    size: crate::national::NationalSize,
}

#[derive(clap::Args)]
struct ServeArgs {
    #[arg(long, env = "KOZOS_BIND", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// Load the demo first (it is idempotent).
    #[arg(long)]
    demo: bool,
    /// Serve on a non-loopback address even though demo accounts with published passwords exist.
    #[arg(long, env = "KOZOS_ALLOW_DEMO_ACCOUNTS_ON_NETWORK")]
    allow_demo_accounts_on_network: bool,
    /// Mark cookies Secure (serve behind HTTPS).
    #[arg(long, env = "KOZOS_SECURE_COOKIES")]
    secure_cookies: bool,
    /// Trust X-Forwarded-For for the client address (only behind your own proxy).
    #[arg(long, env = "KOZOS_TRUST_FORWARDED_FOR")]
    trust_forwarded_for: bool,
    /// The address people reach the site at (for calendar feeds and mail links);
    /// default: http:// and the bind address.
    #[arg(long, env = "KOZOS_PUBLIC_URL")]
    public_url: Option<String>,
    /// SMTP server for outgoing mail. Without it, mail waits in the outbox
    /// (/admin/outbox) and goes out at the first start with it.
    #[arg(long, env = "KOZOS_SMTP_HOST")]
    smtp_host: Option<String>,
    #[arg(long, env = "KOZOS_SMTP_PORT", default_value_t = 587)]
    smtp_port: u16,
    /// The SMTP account; its password is read from KOZOS_SMTP_PASSWORD (only from the
    /// environment: a command line is visible to every user of the machine).
    #[arg(long, env = "KOZOS_SMTP_USERNAME")]
    smtp_username: Option<String>,
    /// The sender, e.g. "kozos <noreply@example.hu>" (required with --smtp-host).
    #[arg(long, env = "KOZOS_SMTP_FROM")]
    smtp_from: Option<String>,
    /// none (a relay on this host or network only), starttls (port 587) or tls (port 465).
    #[arg(long, env = "KOZOS_SMTP_TLS", value_enum, default_value_t = SmtpTlsArg::Starttls)]
    smtp_tls: SmtpTlsArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum SmtpTlsArg {
    None,
    Starttls,
    Tls,
}

impl ServeArgs {
    /// The SMTP settings when a host is given; an error when they are incomplete.
    fn smtp(&self) -> Result<Option<kozos_app::mail::SmtpConfig>, String> {
        use kozos_app::mail::{SmtpConfig, SmtpTls};
        let Some(host) = self
            .smtp_host
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
        else {
            return Ok(None);
        };
        let from = self
            .smtp_from
            .clone()
            .filter(|f| !f.trim().is_empty())
            .ok_or("--smtp-from (KOZOS_SMTP_FROM) is required with --smtp-host")?;
        let cfg = SmtpConfig {
            host: host.to_string(),
            port: self.smtp_port,
            username: self.smtp_username.clone().filter(|u| !u.is_empty()),
            password: std::env::var("KOZOS_SMTP_PASSWORD")
                .ok()
                .filter(|p| !p.is_empty()),
            from,
            tls: match self.smtp_tls {
                SmtpTlsArg::None => SmtpTls::None,
                SmtpTlsArg::Starttls => SmtpTls::StartTls,
                SmtpTlsArg::Tls => SmtpTls::Tls,
            },
        };
        cfg.check()?;
        Ok(Some(cfg))
    }
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account (or reset its password) and grant it a role.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// administrator, national_coordinator, county_coordinator, project_manager, coordinator,
        /// community_developer, mentor, auditor, volunteer, resident
        #[arg(long, default_value = "administrator")]
        role: String,
        /// country, place:ID, organisation:ID or programme:ID
        #[arg(long, default_value = "country")]
        scope: String,
        /// The password; read from KOZOS_PASSWORD or the first line of standard input when not given.
        #[arg(long, env = "KOZOS_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Issue an API token for an account; it is printed once.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "api")]
        name: String,
    },
}

#[derive(Subcommand)]
enum PlacesCommand {
    /// Import settlements from a CSV or XLSX/XLS/ODS gazetteer (whole file or nothing; every bad row is reported).
    Import {
        file: std::path::PathBuf,
        #[arg(long, default_value = "name")]
        name_col: String,
        #[arg(long, default_value = "ksh_code")]
        ksh_col: String,
        #[arg(long, default_value = "district")]
        district_col: String,
        #[arg(long, default_value = "county")]
        county_col: String,
        /// Shown in the site footer, e.g. "KSH Helységnévtár, CC BY 4.0".
        #[arg(long)]
        attribution: Option<String>,
    },
}

fn init_logs(json: bool, bulk: bool) {
    // Bulk loads run statements of thousands of rows: sqlx would log each slow one whole.
    let default = if bulk {
        "info,sqlx=error"
    } else {
        "info,sqlx=warn"
    };
    let filter =
        tracing_subscriber::EnvFilter::try_from_env("KOZOS_LOG").unwrap_or_else(|_| default.into());
    // Written by a thread of its own, off the request path (see `logs`); colours only on
    // a terminal (escape codes in a log file are noise, and cost time on every line).
    let b = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(crate::logs::Background);
    if json {
        b.json().init();
    } else {
        b.init();
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let bulk = matches!(
        &cli.command,
        Some(
            Command::Demo(DemoArgs {
                scale: Scale::National,
                ..
            }) | Command::BenchIndicators { .. }
                | Command::BenchSearch { .. }
        )
    );
    init_logs(cli.log_json, bulk);
    crate::logs::flush_on_panic();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let result = rt.block_on(run(cli));
    rt.shutdown_timeout(std::time::Duration::from_secs(5)); // its tasks may log as they end
    crate::logs::flush();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kozos: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_scope(s: &str) -> Result<Scope, String> {
    let (kind, id) = match s.split_once(':') {
        Some((k, i)) => (
            k,
            Some(
                i.parse::<i64>()
                    .map_err(|_| format!("bad id in scope `{s}`"))?,
            ),
        ),
        None => (s, None),
    };
    Scope::from_parts(kind, id).ok_or_else(|| {
        format!("unknown scope `{s}` (country, place:ID, organisation:ID, programme:ID)")
    })
}

async fn run(cli: Cli) -> Result<(), String> {
    let command = cli.command.unwrap_or(Command::Serve(ServeArgs {
        bind: "127.0.0.1:8080".parse().expect("valid"),
        demo: false,
        allow_demo_accounts_on_network: false,
        secure_cookies: false,
        trust_forwarded_for: false,
        public_url: None,
        smtp_host: None,
        smtp_port: 587,
        smtp_username: None,
        smtp_from: None,
        smtp_tls: SmtpTlsArg::Starttls,
    }));
    if let Command::BenchHello { bind } = command {
        return crate::bench_hello::serve(bind).await;
    }
    let app = crate::open(&cli.database_url, Clock::system()).await?;
    match command {
        Command::Migrate => {
            let applied = kozos_db::migrate::applied(&app.db)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "schema at version {:?}",
                applied.last().copied().unwrap_or(0)
            );
            Ok(())
        }
        Command::Demo(args) if args.scale == Scale::National => {
            crate::national::load(&app, &args.size).await
        }
        Command::Demo(_) => {
            let ids = kozos_app::demo::load(&app)
                .await
                .map_err(|e| format!("{e:?}"))?;
            println!(
                "demo loaded: {} programmes; accounts use the password `{}`",
                ids.len(),
                kozos_app::demo::DEMO_PASSWORD
            );
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    name,
                    role,
                    scope,
                    password,
                },
        } => {
            let role = Role::parse(&role).ok_or_else(|| format!("unknown role `{role}`"))?;
            let scope = parse_scope(&scope)?;
            let password = match password {
                Some(p) => p,
                None => {
                    let mut line = String::new();
                    std::io::stdin()
                        .read_line(&mut line)
                        .map_err(|e| e.to_string())?;
                    line.trim_end_matches(['\n', '\r']).to_string()
                }
            };
            let id = kozos_app::auth::upsert_user(
                &app,
                &email,
                &name,
                &password,
                &[Grant { role, scope }],
                false,
            )
            .await
            .map_err(|e| match e {
                // The operator reads the rule itself, not a catalogue key.
                kozos_app::AppError::Invalid(f) => {
                    f.0.iter()
                        .map(|e| format!("{}: {}", e.field, kozos_web::i18n::Lang::En.t(e.key)))
                        .collect::<Vec<_>>()
                        .join("; ")
                }
                other => other.to_string(),
            })?;
            let email = kozos_domain::user::normalise_email(&email).unwrap_or(email);
            println!(
                "user {id} ready: {email} as {} on {}",
                role.as_str(),
                scope.kind_str()
            );
            Ok(())
        }
        Command::Token {
            command: TokenCommand::Create { email, name },
        } => {
            let token = kozos_app::auth::create_api_token(&app, &email, &name)
                .await
                .map_err(|e| e.to_string())?;
            println!("{token}");
            Ok(())
        }
        Command::Places {
            command:
                PlacesCommand::Import {
                    file,
                    name_col,
                    ksh_col,
                    district_col,
                    county_col,
                    attribution,
                },
        } => {
            let mapping = crate::gazetteer_file::Mapping {
                name: name_col,
                ksh_code: ksh_col,
                district: district_col,
                county: county_col,
            };
            let rows = crate::gazetteer_file::read_file(&file, &mapping)?;
            match kozos_app::gazetteer::import(&app, &rows, attribution.as_deref()).await {
                Ok(n) => {
                    println!("imported {n} settlements");
                    Ok(())
                }
                Err(errors) => {
                    for e in &errors {
                        eprintln!("line {}: {}", e.line, e.message);
                    }
                    Err(format!("nothing imported: {} bad rows", errors.len()))
                }
            }
        }
        Command::Serve(args) => serve(app, args).await,
        Command::BenchHello { .. } => unreachable!("served above, without a database"),
        Command::BenchCheckinsSetup {
            programme,
            registrations,
            tokens,
        } => {
            let (activity, list) = kozos_app::demo::bench::checkin_fixture(
                &app,
                kozos_domain::ProgrammeId(programme),
                registrations,
            )
            .await
            .map_err(|e| e.to_string())?;
            std::fs::write(&tokens, list.join("\n") + "\n")
                .map_err(|e| format!("{}: {e}", tokens.display()))?;
            println!("{activity}");
            Ok(())
        }
        Command::BenchCertificates {
            programme,
            completers,
        } => {
            crate::bench_certificates::run(&app, kozos_domain::ProgrammeId(programme), completers)
                .await
        }
        Command::BenchIndicators {
            size,
            load_only,
            warmups,
            runs,
        } => {
            crate::bench_indicators::run(&app, size.options(), load_only, warmups, runs.max(1))
                .await
        }
        Command::BenchSearch { warmups, runs } => {
            crate::bench_search::run(&app, warmups, runs.max(1)).await
        }
    }
}

async fn serve(app: kozos_app::App, args: ServeArgs) -> Result<(), String> {
    if args.demo {
        kozos_app::demo::load(&app)
            .await
            .map_err(|e| format!("demo: {e:?}"))?;
        tracing::info!(
            password = kozos_app::demo::DEMO_PASSWORD,
            "demo loaded (accounts: see README)"
        );
    }
    if !args.bind.ip().is_loopback()
        && !args.allow_demo_accounts_on_network
        && kozos_db::users::has_demo_accounts(&app.db)
            .await
            .map_err(|e| e.to_string())?
    {
        return Err(format!(
            "refusing to listen on {}: this database has demo accounts with published passwords. \
             Use a fresh database, or pass --allow-demo-accounts-on-network if you really mean it.",
            args.bind
        ));
    }
    // Before the worker starts: mail that waited in the outbox goes out now.
    match args.smtp()? {
        Some(smtp) => {
            let (host, port, tls) = (smtp.host.clone(), smtp.port, smtp.tls.as_str());
            let _ = app.set_smtp(smtp);
            let waiting = kozos_app::mail::flush(&app)
                .await
                .map_err(|e| format!("mail: {e}"))?;
            tracing::info!(host, port, tls, waiting, "mail goes out through SMTP");
        }
        None => tracing::info!(
            "no SMTP server configured (--smtp-host): mail waits in the outbox at /admin/outbox"
        ),
    }
    let state = kozos_web::AppState {
        app: app.clone(),
        config: kozos_web::WebConfig {
            secure_cookies: args.secure_cookies,
            trust_forwarded_for: args.trust_forwarded_for,
            public_url: Some(
                args.public_url
                    .clone()
                    .unwrap_or_else(|| format!("http://{}", args.bind)),
            ),
            gazetteer_attribution: kozos_app::catalogue::gazetteer_attribution(&app)
                .await
                .map_err(|e| e.to_string())?,
        },
    };
    let router = crate::request_log::with_request_logging(kozos_web::router(state));
    let listener = tokio::net::TcpListener::bind(args.bind)
        .await
        .map_err(|e| format!("bind {}: {e}", args.bind))?;
    tracing::info!(address = %args.bind, backend = ?app.db.backend, "kozos listening on http://{}", args.bind);
    // Every instance works through the job queue (housekeeping included: the worker
    // enqueues the hourly sweep, once per hour across instances).
    let (stop_worker, stop) = tokio::sync::watch::channel(false);
    let worker = tokio::spawn(kozos_app::jobs::worker(app.clone(), stop));
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| e.to_string())?;
    // Let the job in hand finish; one still running after this is taken again by a worker
    // (here or elsewhere) once its lease has run out.
    let _ = stop_worker.send(true);
    if tokio::time::timeout(std::time::Duration::from_secs(20), worker)
        .await
        .is_err()
    {
        tracing::warn!("a job was still running at shutdown; it will be run again");
    }
    tracing::info!("shut down cleanly");
    app.db.pool.close().await;
    Ok(())
}

/// SIGTERM or Ctrl-C: stop accepting, let in-flight requests finish.
pub(crate) async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
}
