//! The job queue: a job exists exactly when the transaction that enqueued it commits, runs
//! once, is retried with growing waits and then kept as failed for administrators; leases
//! that run out are taken again, concurrent claimers never share a job, periodic jobs are
//! enqueued once per period whoever asks, and the hourly sweep purges what has expired.
//! Tests drain the queue themselves and move the fixed clock; nothing sleeps.

use crate::both;
use crate::harness::*;
use axum::http::StatusCode;
use chrono::Duration;
use kozos_app::jobs::{self, Job, JobState, NewJob, Outcome, Ran};
use kozos_app::App;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

async fn job(t: &TestApp, id: i64) -> Option<Job> {
    kozos_db::jobs::get(&t.app.db, id).await.unwrap()
}

async fn count(t: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(&t.app.db.pool)
        .await
        .unwrap()
}

/// Enqueue and commit.
async fn enqueue(t: &TestApp, new: NewJob) -> Option<i64> {
    let mut tx = t.app.db.begin().await.unwrap();
    let id = jobs::enqueue(&t.app, &mut tx, &new).await.unwrap();
    tx.commit().await.unwrap();
    id
}

/// A handler for `kind` that counts its runs.
fn counting(t: &TestApp, kind: &str) -> Arc<AtomicUsize> {
    let runs = Arc::new(AtomicUsize::new(0));
    let r = runs.clone();
    t.app.jobs().register(kind, move |_app: App, _job: Job| {
        let r = r.clone();
        async move {
            r.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
    });
    runs
}

/// A job that has failed for good (a kind no instance handles, with one attempt), for the
/// pages that list and retry failed jobs.
pub async fn failed_job(t: &TestApp) -> i64 {
    let id = enqueue(t, NewJob::new("test.unhandled").max_attempts(1))
        .await
        .unwrap();
    let ran = jobs::drain(&t.app).await.unwrap();
    assert!(
        ran.iter()
            .any(|r| r.id == id && matches!(r.outcome, Outcome::Failed { .. })),
        "{ran:?}"
    );
    id
}

both!(
    a_job_exists_exactly_when_its_transaction_commits_and_runs_once,
    |t: TestApp| async move {
        let runs = counting(&t, "test.count");
        let new = NewJob::new("test.count")
            .payload(&serde_json::json!({"programme": 1}))
            .unwrap();
        // enqueued by a change that is then abandoned: no job
        let mut tx = t.app.db.begin().await.unwrap();
        jobs::enqueue(&t.app, &mut tx, &new).await.unwrap().unwrap();
        tx.rollback().await.unwrap();
        assert_eq!(count(&t, "SELECT COUNT(*) FROM jobs").await, 0);
        assert!(jobs::drain(&t.app).await.unwrap().is_empty());
        assert_eq!(runs.load(Ordering::SeqCst), 0);
        // enqueued by a change that commits: one job, run once
        let id = enqueue(&t, new).await.unwrap();
        let ran = jobs::drain(&t.app).await.unwrap();
        assert_eq!(
            ran,
            vec![Ran {
                id,
                kind: "test.count".into(),
                attempt: 1,
                outcome: Outcome::Done
            }]
        );
        assert!(jobs::drain(&t.app).await.unwrap().is_empty());
        assert_eq!(runs.load(Ordering::SeqCst), 1);
        let stored = job(&t, id).await.unwrap();
        assert_eq!(stored.state, JobState::Done);
        assert_eq!(stored.payload, r#"{"programme":1}"#);
        assert_eq!(stored.finished_at.as_deref(), Some("2026-11-21T10:00:00Z"));
        assert_eq!(stored.locked_by, None);
        // a job for later waits for its time
        let later = enqueue(
            &t,
            NewJob::new("test.count").run_at(t.app.clock.now() + Duration::minutes(5)),
        )
        .await
        .unwrap();
        assert!(jobs::drain(&t.app).await.unwrap().is_empty());
        t.app.clock.advance(Duration::minutes(5));
        assert_eq!(jobs::drain(&t.app).await.unwrap()[0].id, later);
        assert_eq!(runs.load(Ordering::SeqCst), 2);
    }
);

both!(
    a_failing_job_backs_off_then_fails_and_administrators_see_it,
    |t: TestApp| async move {
        t.app
            .jobs()
            .register("test.fail", |_app: App, job: Job| async move {
                Err(format!("boom on attempt {}", job.attempts).into())
            });
        let id = enqueue(&t, NewJob::new("test.fail").max_attempts(3))
            .await
            .unwrap();
        let start = t.app.clock.now();
        let ran = jobs::drain(&t.app).await.unwrap();
        assert_eq!(ran.len(), 1);
        assert_eq!(
            ran[0].outcome,
            Outcome::Retry {
                at: start + Duration::seconds(30),
                error: "boom on attempt 1".into()
            }
        );
        // not before its time …
        t.app.clock.advance(Duration::seconds(29));
        assert!(jobs::drain(&t.app).await.unwrap().is_empty());
        // … then again, and the wait doubles
        t.app.clock.advance(Duration::seconds(1));
        let ran = jobs::drain(&t.app).await.unwrap();
        assert_eq!(ran[0].attempt, 2);
        assert_eq!(
            ran[0].outcome,
            Outcome::Retry {
                at: start + Duration::seconds(90),
                error: "boom on attempt 2".into()
            }
        );
        t.app.clock.advance(Duration::seconds(59));
        assert!(jobs::drain(&t.app).await.unwrap().is_empty());
        t.app.clock.advance(Duration::seconds(1));
        // the last attempt fails it for good, with its error kept
        let ran = jobs::drain(&t.app).await.unwrap();
        assert_eq!(
            ran[0].outcome,
            Outcome::Failed {
                error: "boom on attempt 3".into()
            }
        );
        t.app.clock.advance(Duration::days(1));
        assert!(jobs::drain(&t.app).await.unwrap().is_empty());
        let stored = job(&t, id).await.unwrap();
        assert_eq!(stored.state, JobState::Failed);
        assert_eq!(stored.attempts, 3);
        assert_eq!(stored.last_error.as_deref(), Some("boom on attempt 3"));

        // administrators see it, with the time of its last attempt in Budapest time
        let mut admin = t.signed_in("admin@demo.kozos.hu").await;
        let page = admin.get("/admin/jobs").await;
        assert_eq!(page.status, StatusCode::OK);
        let text = page.text();
        assert!(text.contains("Sikertelen feladatok"), "{text}");
        assert!(text.contains("test.fail") && text.contains("boom on attempt 3"));
        assert!(text.contains("2026. 11. 21. 11:01:30"), "{text}");
        assert!(text.contains(&format!("/admin/jobs/{id}/retry")));
        // nobody else does, nor may they retry it
        for email in [
            "orszagos@demo.kozos.hu",
            "megyei@demo.kozos.hu",
            "auditor@demo.kozos.hu",
        ] {
            let mut c = t.signed_in(email).await;
            let r = c.get("/admin/jobs").await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
            assert!(!r.body.contains("boom"));
            let r = c.post_form(&format!("/admin/jobs/{id}/retry"), &[]).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
        }
        let r = t.client().get("/admin/jobs").await;
        assert!(r.location().starts_with("/signin"), "{r:?}");
        assert_eq!(job(&t, id).await.unwrap().state, JobState::Failed);

        // the retry button queues it again with fresh attempts
        let r = admin
            .post_form(&format!("/admin/jobs/{id}/retry"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.location(), "/admin/jobs");
        let stored = job(&t, id).await.unwrap();
        assert_eq!((stored.state, stored.attempts), (JobState::Queued, 0));
        // pressed twice (a stale page): nothing more happens
        let r = admin
            .post_form(&format!("/admin/jobs/{id}/retry"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = admin.get("/admin/jobs").await.text();
        assert!(page.contains("Nincs sikertelen feladat.") && page.contains("várakozik"));
        let ran = jobs::drain(&t.app).await.unwrap();
        assert_eq!((ran[0].id, ran[0].attempt), (id, 1));
        // without the form's token, or for a job that does not exist, nothing is retried
        let r = admin
            .request(
                axum::http::Method::POST,
                &format!("/admin/jobs/{id}/retry"),
                Some("application/x-www-form-urlencoded"),
                String::new(),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = admin.post_form("/admin/jobs/987654/retry", &[]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
);

both!(
    a_job_whose_lease_ran_out_is_taken_again,
    |t: TestApp| async move {
        use kozos_db::jobs::{claim, complete};
        let id = enqueue(&t, NewJob::new("test.count")).await.unwrap();
        let db = &t.app.db;
        let now = t.app.clock.now();
        let lease = Duration::seconds(60);
        let a = claim(db, "worker-a", now, lease).await.unwrap().unwrap();
        assert_eq!((a.id, a.attempts, a.state), (id, 1, JobState::Running));
        assert_eq!(a.locked_by.as_deref(), Some("worker-a"));
        assert_eq!(a.locked_until.as_deref(), Some("2026-11-21T10:01:00Z"));
        // while the lease holds, nobody else gets it
        assert!(claim(db, "worker-b", now, lease).await.unwrap().is_none());
        let almost = now + Duration::seconds(59);
        assert!(claim(db, "worker-b", almost, lease)
            .await
            .unwrap()
            .is_none());
        // worker a went quiet: after its lease, b takes the job (a second attempt)
        let b = claim(db, "worker-b", now + lease, lease)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((b.id, b.attempts), (id, 2));
        assert_eq!(b.locked_by.as_deref(), Some("worker-b"));
        // a's late report changes nothing; b's is recorded
        let after = now + Duration::seconds(61);
        assert!(!complete(db, id, "worker-a", after).await.unwrap());
        assert_eq!(job(&t, id).await.unwrap().state, JobState::Running);
        assert!(complete(db, id, "worker-b", after).await.unwrap());
        assert_eq!(job(&t, id).await.unwrap().state, JobState::Done);

        // a job whose worker stopped on its last attempt is not run again; the sweep
        // shows it as failed
        let last = enqueue(&t, NewJob::new("test.count").max_attempts(1))
            .await
            .unwrap();
        let now = t.app.clock.now();
        assert_eq!(
            claim(db, "worker-a", now, lease).await.unwrap().unwrap().id,
            last
        );
        t.app.clock.advance(Duration::hours(1));
        assert!(jobs::drain(&t.app).await.unwrap().is_empty());
        let swept = kozos_app::maintenance::sweep(&t.app).await.unwrap();
        assert_eq!(swept.jobs_abandoned, 1);
        let stored = job(&t, last).await.unwrap();
        assert_eq!(stored.state, JobState::Failed);
        assert!(stored.last_error.unwrap().contains("lease"));
    }
);

both!(
    concurrent_claimers_never_get_the_same_job,
    |t: TestApp| async move {
        const JOBS: usize = 40;
        const CLAIMERS: usize = 6;
        let mut tx = t.app.db.begin().await.unwrap();
        for i in 0..JOBS {
            let new = NewJob::new("test.count").payload(&i).unwrap();
            jobs::enqueue(&t.app, &mut tx, &new).await.unwrap();
        }
        tx.commit().await.unwrap();
        let now = t.app.clock.now();
        let start = Arc::new(tokio::sync::Barrier::new(CLAIMERS));
        let mut tasks = Vec::new();
        for w in 0..CLAIMERS {
            let db = t.app.db.clone();
            let start = start.clone();
            tasks.push(tokio::spawn(async move {
                start.wait().await;
                let mut got = Vec::new();
                let worker = format!("worker-{w}");
                while let Some(j) = kozos_db::jobs::claim(&db, &worker, now, Duration::minutes(5))
                    .await
                    .unwrap()
                {
                    assert_eq!(j.locked_by.as_deref(), Some(worker.as_str()));
                    got.push(j.id);
                }
                got
            }));
        }
        let mut all = Vec::new();
        for task in tasks {
            all.extend(task.await.unwrap());
        }
        assert_eq!(all.len(), JOBS, "claimed: {all:?}");
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), JOBS, "a job was claimed twice");
        // each was taken once: one attempt each, all running
        assert_eq!(
            count(
                &t,
                "SELECT COUNT(*) FROM jobs WHERE state = 'running' AND attempts = 1"
            )
            .await,
            JOBS as i64
        );
    }
);

both!(
    the_periodic_sweep_is_enqueued_once_per_period,
    |t: TestApp| async move {
        let sweeps = || {
            count(
                &t,
                "SELECT COUNT(*) FROM jobs WHERE kind = 'maintenance.sweep'",
            )
        };
        let periodic = jobs::PERIODIC.len();
        assert_eq!(jobs::schedule(&t.app).await.unwrap().len(), periodic);
        // asked again in the same hour, here or by a second instance on the same data
        assert!(jobs::schedule(&t.app).await.unwrap().is_empty());
        let other = kozos::open(&t.url, t.app.clock.clone()).await.unwrap();
        assert!(jobs::schedule(&other).await.unwrap().is_empty());
        t.app.clock.advance(Duration::minutes(59));
        assert!(jobs::schedule(&other).await.unwrap().is_empty());
        assert_eq!(sweeps().await, 1);
        // the next hour has its own
        t.app.clock.advance(Duration::minutes(1));
        assert_eq!(jobs::schedule(&other).await.unwrap().len(), periodic);
        assert_eq!(sweeps().await, 2);
        // both instances asking at the same moment still make one
        t.app.clock.advance(Duration::hours(1));
        let (a, b) = tokio::join!(jobs::schedule(&t.app), jobs::schedule(&other));
        assert_eq!(a.unwrap().len() + b.unwrap().len(), periodic);
        assert_eq!(sweeps().await, 3);
        // and the periodic jobs run (each once per period)
        let ran = jobs::drain(&t.app).await.unwrap();
        assert_eq!(ran.len(), 3 * periodic);
        assert_eq!(ran.iter().filter(|r| r.kind == jobs::SWEEP).count(), 3);
        assert!(ran.iter().all(|r| r.outcome == Outcome::Done));
        other.db.pool.close().await;
    }
);

both!(
    the_sweep_job_purges_what_has_expired,
    |t: TestApp| async move {
        let runs = counting(&t, "test.count");
        let mut c = t.signed_in("admin@demo.kozos.hu").await;
        assert_eq!(c.get("/admin/jobs").await.status, StatusCode::OK);
        let sessions = || count(&t, "SELECT COUNT(*) FROM sessions");
        assert!(sessions().await >= 1);
        let old = enqueue(&t, NewJob::new("test.count")).await.unwrap();
        jobs::drain(&t.app).await.unwrap();
        assert_eq!(runs.load(Ordering::SeqCst), 1);
        // the session expires; the hour's sweep removes it
        t.app
            .clock
            .advance(Duration::hours(kozos_app::auth::SESSION_HOURS + 1));
        assert_eq!(
            jobs::schedule(&t.app).await.unwrap().len(),
            jobs::PERIODIC.len()
        );
        let ran: Vec<_> = jobs::drain(&t.app)
            .await
            .unwrap()
            .into_iter()
            .filter(|r| r.kind == jobs::SWEEP)
            .collect();
        assert_eq!(ran.len(), 1);
        assert_eq!(ran[0].outcome, Outcome::Done);
        assert_eq!(sessions().await, 0);
        assert!(c.get("/admin/jobs").await.location().starts_with("/signin"));
        // finished jobs are forgotten a week later (the first sweep's own row with them)
        assert!(job(&t, old).await.is_some());
        t.app.clock.advance(
            Duration::days(kozos_app::maintenance::JOBS_DONE_KEPT_DAYS) + Duration::hours(1),
        );
        jobs::schedule(&t.app).await.unwrap();
        jobs::drain(&t.app).await.unwrap();
        assert!(job(&t, old).await.is_none());
        assert!(job(&t, ran[0].id).await.is_none());
        assert_eq!(
            count(&t, "SELECT COUNT(*) FROM jobs WHERE state = 'done'").await,
            jobs::PERIODIC.len() as i64,
            "only the periodic jobs that just ran are left"
        );
        // failed jobs stay for a month
        let failed = failed_job(&t).await;
        t.app.clock.advance(Duration::days(29));
        kozos_app::maintenance::sweep(&t.app).await.unwrap();
        assert!(job(&t, failed).await.is_some());
        t.app.clock.advance(Duration::days(2));
        kozos_app::maintenance::sweep(&t.app).await.unwrap();
        assert!(job(&t, failed).await.is_none());
    }
);

both!(
    the_worker_runs_a_poked_job_and_stops_when_told,
    |t: TestApp| async move {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        t.app
            .jobs()
            .register("test.signal", move |_app: App, job: Job| {
                let tx = tx.clone();
                async move {
                    tx.send(job.id)?;
                    Ok(())
                }
            });
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let worker = tokio::spawn(jobs::worker(t.app.clone(), stopped));
        let id = enqueue(&t, NewJob::new("test.signal")).await.unwrap();
        t.app.jobs().poke();
        let wait = std::time::Duration::from_secs(20);
        let got = tokio::time::timeout(wait, rx.recv()).await.unwrap();
        assert_eq!(got, Some(id));
        stop.send(true).unwrap();
        tokio::time::timeout(wait, worker).await.unwrap().unwrap();
        // it recorded the run, and enqueued the hour's sweep when it started
        assert_eq!(job(&t, id).await.unwrap().state, JobState::Done);
        let sweeps = count(
            &t,
            "SELECT COUNT(*) FROM jobs WHERE kind = 'maintenance.sweep'",
        );
        assert_eq!(sweeps.await, 1);
    }
);
