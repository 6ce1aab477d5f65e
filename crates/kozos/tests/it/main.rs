//! Integration tests: the real router in process, a fresh database per test, on SQLite
//! always and on PostgreSQL when `KOZOS_TEST_DATABASE_URL` is set (`.ci/run` sets it).
//! One test binary, so the workspace links once.

mod builders;
mod harness;

mod accounts;
mod activities;
mod api;
mod auth;
mod bad_input;
mod cache_scopes;
mod cli;
mod concurrency;
mod demo;
mod evidence;
mod follow_ups;
mod forms_unchanged;
mod i18n;
mod indicator_pages;
mod indicators;
mod initiative_fixtures;
mod initiative_indicators;
mod initiative_pages;
mod initiatives;
mod jobs;
mod knowledge;
mod mail;
mod memos;
mod migrations;
mod national;
mod nothing_lost;
mod participation;
mod people;
mod places;
mod plans;
mod programmes;
mod public;
mod queries;
mod question_fixtures;
mod questions;
mod role_fixtures;
mod role_route_table;
mod search;
mod security;
mod surveys;
mod trainings;
mod wasted_work;
