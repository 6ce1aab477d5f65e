//! Every route × every role, with the outcome a person in that role gets. The table is the
//! specification: a route served by the router without a row here fails the test, and so
//! does a row for a route that no longer exists.
//!
//! Outcomes: `ok` (2xx, or a redirect that is not to sign-in), `in` (redirected to sign in),
//! or a status code (401, 403, 404, 422). Scopes of the demo accounts: developer,
//! coordinator, project manager and volunteer on the Kisbér programme; mentor and county
//! coordinator on Komárom-Esztergom county (Kisbér is in it, Kecskemét is not); auditor on
//! the Kecskemét programme; national coordinator, administrator and resident country-wide.
//! `{id}` is Kisbér (or its municipality on organisation routes) unless the row says `@kecskemet`; nested ids are fresh records made for
//! the row, so destructive routes are tried on something that exists (`{job}`: a failed job,
//! `{mail}`: a queued mail, `{file}`: an evidence file of the activity). On
//! `/admin/people/…` `{id}` is a person of the programme (`{other}` a second one, for
//! merging); `@foreign` names a consent or shift of another person or activity than the URL's,
//! and on initiative routes a Kisbér initiative under Kecskemét's address. `{initiative}` is
//! proposed by the demo resident, `{comment}` is theirs (reported by another resident,
//! `{resident}`, who also commented), `{assistance}` support given to it, `{token}` a
//! visitor's confirmation link.
//! `{ind}` is an indicator of the programme counting its activities, except on `/values`
//! routes, where it is a manual indicator and `{value}` one of its values; on places and
//! statistics routes `{id}` is the programme's settlement.

use crate::both;
use crate::harness::*;
use crate::role_fixtures::*;
use axum::http::Method;
use kozos_domain::programme::*;

const ACTORS: [&str; 11] = [
    "",
    "lakos@demo.kozos.hu",
    "onkentes@demo.kozos.hu",
    "fejleszto@demo.kozos.hu",
    "koordinator@demo.kozos.hu",
    "projektmenedzser@demo.kozos.hu",
    "mentor@demo.kozos.hu",
    "megyei@demo.kozos.hu",
    "orszagos@demo.kozos.hu",
    "auditor@demo.kozos.hu",
    "admin@demo.kozos.hu",
];

const TABLE: &str = "
# method path                                                       anon res  vol  dev  coord pm   mentor county nat  audit admin
GET    /                                                            ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /programmes/{id}                                             ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /lang/{code}                                                 ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /signin                                                      ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
POST   /signin                                                      401  ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
POST   /signout                                                     ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /static/style.css                                            ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /healthz                                                     ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /readyz                                                      ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /admin                                                       in   403  403  ok   ok    ok   ok     ok     ok   ok    ok
GET    /admin/programmes/new                                        in   403  403  403  403   403  403    403    ok   403   ok
POST   /admin/programmes/new                                        in   403  403  403  403   403  403    403    ok   403   ok
GET    /admin/programmes/{id}                                       in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}@kecskemet                             in   403  403  403  403   403  403    403    ok   ok    ok
GET    /admin/programmes/{id}/edit                                  in   403  403  403  403   ok   403    403    403  403   ok
GET    /admin/programmes/{id}/edit@kecskemet                        in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/programmes/{id}/edit                                  in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/edit@kecskemet                        in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/programmes/{id}/edit@move                             in   403  403  403  403   422  403    403    403  403   ok
POST   /admin/programmes/{id}/partners                              in   403  403  403  403   ok   403    403    403  403   ok
GET    /admin/programmes/{id}/partners/{partner}/edit               in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/partners/{partner}/edit               in   403  403  403  403   ok   403    403    403  403   ok
GET    /admin/programmes/{id}/partners/{partner}/delete             in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/partners/{partner}/delete             in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/partners/{partner}/agreements         in   403  403  403  403   ok   403    403    403  403   ok
GET    /admin/programmes/{id}/agreements/{agreement}/edit           in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/agreements/{agreement}/edit           in   403  403  403  403   ok   403    403    403  403   ok
GET    /admin/programmes/{id}/agreements/{agreement}/delete         in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/agreements/{agreement}/delete         in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/staff                                 in   403  403  403  403   ok   403    403    403  403   ok
GET    /admin/programmes/{id}/staff/{staff}/edit                    in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/staff/{staff}/edit                    in   403  403  403  403   ok   403    403    403  403   ok
GET    /admin/programmes/{id}/staff/{staff}/delete                  in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/staff/{staff}/delete                  in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/areas                                 in   403  403  403  ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/areas/{area}/edit                     in   403  403  403  ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/areas/{area}/edit                     in   403  403  403  ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/areas/{area}/delete                   in   403  403  403  ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/areas/{area}/delete                   in   403  403  403  ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/target-groups                         in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/target-groups/{group}/edit            in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/target-groups/{group}/edit            in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/target-groups/{group}/delete          in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/target-groups/{group}/delete          in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/target-groups@kecskemet               in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/programmes/{id}/surveys                               in   403  ok   ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/surveys@kecskemet                     in   403  403  403  403   403  403    403    ok   ok    ok
POST   /admin/programmes/{id}/surveys                               in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/surveys@kecskemet                     in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/programmes/{id}/surveys/{survey}                      in   403  ok   ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/surveys/{survey}@kecskemet            in   403  403  403  403   403  403    403    ok   ok    ok
GET    /admin/programmes/{id}/surveys/{survey}/edit                 in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/surveys/{survey}/edit                 in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/surveys/{survey}/delete               in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/surveys/{survey}/delete               in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/surveys/{survey}/questions            in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/surveys/{survey}/questions/{question}/edit in 403 403 ok  ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/surveys/{survey}/questions/{question}/edit in 403 403 ok  ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/surveys/{survey}/questions/{question}/delete in 403 403 ok ok   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/surveys/{survey}/questions/{question}/delete in 403 403 ok ok   ok   403    403    403  403   ok
GET    /admin/programmes/{id}/surveys/{survey}/interviews/new       in   403  ok   ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/surveys/{survey}/interviews           in   403  ok   ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/surveys/{survey}/interviews@kecskemet in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/programmes/{id}/surveys/{survey}/results              in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/surveys/{survey}/results@kecskemet    in   403  403  403  403   403  403    403    ok   ok    ok
GET    /admin/programmes/{id}/surveys/{survey}/results.xlsx         in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/surveys/{survey}/results.csv          in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/surveys/{survey}/questions/{question}/answers in 403 403 ok ok   ok   ok     ok     ok   403   ok
GET    /surveys/{id}                                                ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
POST   /surveys/{id}                                                ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /surveys/{id}@draft                                          404  404  404  404  404   404  404    404    404  404   404
GET    /surveys/{id}/thanks                                         ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /static/survey.js                                            ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /admin/programmes/{id}/plans                                 in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/plans@kecskemet                       in   403  403  403  403   403  403    403    ok   ok    ok
POST   /admin/programmes/{id}/plans                                 in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/plans@kecskemet                       in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/programmes/{id}/plans/{plan}                          in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/plans/{plan}@kecskemet                in   403  403  403  403   403  403    403    ok   ok    ok
GET    /admin/programmes/{id}/plans/{plan}/edit                     in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/plans/{plan}/edit                     in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/plans/{plan}/delete                   in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/plans/{plan}/delete                   in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/plans/{plan}/renew                    in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/plans/{plan}/renew@kecskemet          in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/programmes/{id}/plans/{plan}/plan.pdf                 in   403  403  ok   ok    ok   ok     ok     ok   403   ok
POST   /admin/programmes/{id}/plans/{plan}/needs                    in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/needs/{need}/edit                     in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/needs/{need}/edit                     in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/needs/{need}/delete                   in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/needs/{need}/delete                   in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/needs/{need}/goals                    in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/goals/{goal}/edit                     in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/goals/{goal}/edit                     in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/goals/{goal}/delete                   in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/goals/{goal}/delete                   in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/goals/{goal}/actions                  in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/plan-actions/{action}/edit            in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/plan-actions/{action}/edit            in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/plan-actions/{action}/edit@kecskemet  in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/programmes/{id}/plan-actions/{action}/delete          in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/plan-actions/{action}/delete          in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /programmes/{id}/plans/{plan}                                ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /programmes/{id}/plans/{plan}@draft                          404  404  404  404  404   404  404    404    404  404   404
GET    /programmes/{id}/plans/{plan}/plan.pdf                       ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /programmes/{id}/plans/{plan}/plan.pdf@draft                 404  404  404  404  404   404  404    404    404  404   404
GET    /admin/programmes/{id}/situation                             in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/situation@kecskemet                   in   403  403  403  403   403  403    403    ok   ok    ok
POST   /admin/programmes/{id}/situation                             in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/situation@kecskemet                   in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/programmes/{id}/situation/{picture}                   in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/situation/{picture}@kecskemet         in   403  403  403  403   403  403    403    ok   ok    ok
GET    /admin/programmes/{id}/situation/{picture}/edit              in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/situation/{picture}/edit              in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/situation/{picture}/delete            in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/situation/{picture}/delete            in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /calendar                                                    ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /calendar.ics                                                ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /activities/{id}                                             ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /activities/{id}@internal                                    404  404  404  404  404   404  404    404    404  404   404
POST   /activities/{id}/register                                    ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
POST   /activities/{id}/register@internal                           404  404  404  404  404   404  404    404    404  404   404
GET    /tickets/{token}                                             ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /tickets/{token}/cancel                                      ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
POST   /tickets/{token}/cancel                                      ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /admin/activities/{id}/roster                                in   403  ok   ok   ok    ok   403    403    403  403   ok
GET    /admin/activities/{id}/roster@kecskemet                      in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/activities/{id}/roster/tick                           in   403  ok   ok   ok    ok   403    403    403  403   ok
POST   /admin/activities/{id}/roster/tick@kecskemet                 in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/activities/{id}/roster/walk-in                        in   403  ok   ok   ok    ok   403    403    403  403   ok
GET    /admin/activities/{id}/attendance-sheet.pdf                  in   403  ok   ok   ok    ok   403    403    403  403   ok
GET    /admin/activities/{id}/attendance-sheet.pdf@kecskemet        in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/activities/{id}/evidence                              in   403  ok   ok   ok    ok   403    403    ok   403   ok
GET    /admin/activities/{id}/evidence@kecskemet                    in   403  403  403  403   403  403    403    ok   ok    ok
POST   /admin/activities/{id}/evidence                              in   403  ok   ok   ok    ok   403    403    403  403   ok
POST   /admin/activities/{id}/evidence@kecskemet                    in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/activities/{id}/evidence/{file}                       in   403  ok   ok   ok    ok   403    403    ok   403   ok
GET    /admin/activities/{id}/evidence/{file}@kecskemet             in   403  403  403  403   403  403    403    ok   ok    ok
GET    /admin/activities/{id}/evidence/{file}/delete                in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/activities/{id}/evidence/{file}/delete                in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/activities/{id}/evidence/{file}/delete@kecskemet      in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/activities/{id}/check-in                              in   403  ok   ok   ok    ok   403    403    403  403   ok
GET    /admin/activities/{id}/training                              in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/activities/{id}/training@kecskemet                    in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/activities/{id}/training                              in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/activities/{id}/training@kecskemet                    in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/activities/{id}/training/sessions                     in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/activities/{id}/training/sessions/{session}/delete    in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/activities/{id}/training/distance                     in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/activities/{id}/certificates                          in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/activities/{id}/certificates@kecskemet                in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/activities/{id}/certificates/batches/{batch}          in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/activities/{id}/certificates/{cert}                   in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/activities/{id}/certificates/{cert}@kecskemet         in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/activities/{id}/certificates/{cert}/revoke            in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/activities/{id}/certificates/{cert}/revoke            in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /verify                                                      ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /verify/{number}                                             ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /static/progress.js                                          ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /admin/activities/{id}/check-in/data                         in   403  ok   ok   ok    ok   403    403    403  403   ok
GET    /admin/activities/{id}/check-in/data@kecskemet               in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/activities/{id}/check-in/sync                         in   403  ok   ok   ok    ok   403    403    403  403   ok
GET    /static/checkin.js                                           ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /static/checkin-sw.js                                        ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /static/vendor/jsQR.js                                       ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /admin/people                                                in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/people/new                                            in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/people/new                                            in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/people/{id}                                           in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/people/{id}@kecskemet                                 in   403  403  404  404   404  403    403    403  403   ok
GET    /admin/people/{id}/edit                                      in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/people/{id}/edit                                      in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/people/{id}/edit@kecskemet                            in   403  403  404  404   404  403    403    403  403   ok
GET    /admin/people/{id}/sensitive                                 in   403  403  403  403   ok   403    403    403  403   ok
GET    /admin/people/{id}/sensitive@kecskemet                       in   403  403  403  403   404  403    403    403  403   ok
POST   /admin/people/{id}/sensitive                                 in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/people/{id}/consents                                  in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/people/{id}/consents/{consent}/withdraw               in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/people/{id}/consents/{consent}/withdraw@foreign       in   403  403  404  404   404  403    403    403  403   404
GET    /admin/people/{id}/merge                                     in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/people/{id}/merge                                     in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/people/{id}/merge@kecskemet                           in   403  403  404  404   404  403    403    403  403   ok
GET    /admin/activities/{id}/volunteers                            in   403  ok   ok   ok    ok   403    403    403  403   ok
GET    /admin/activities/{id}/volunteers@kecskemet                  in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/activities/{id}/volunteers                            in   403  ok   ok   ok    ok   403    403    403  403   ok
POST   /admin/activities/{id}/volunteers/{shift}/delete             in   403  ok   ok   ok    ok   403    403    403  403   ok
POST   /admin/activities/{id}/volunteers/{shift}/delete@foreign     in   403  404  404  404   404  403    403    403  403   404
GET    /admin/programmes/{id}/activities                            in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/activities@kecskemet                  in   403  403  403  403   403  403    403    ok   ok    ok
GET    /admin/programmes/{id}/activities/new                        in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/activities                            in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/activities@kecskemet                  in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/programmes/{id}/activities/{activity}/edit            in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/activities/{activity}/edit            in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/activities/{activity}/delete          in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/activities/{activity}/delete          in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/series/new                            in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/memos                                 in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/memos@kecskemet                       in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/programmes/{id}/activities/{activity}/memo            in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/activities/{activity}/memo@kecskemet  in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/programmes/{id}/activities/{activity}/memos           in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/activities/{activity}/memos@kecskemet in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/programmes/{id}/memos/{memo}/edit                     in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/memos/{memo}/edit                     in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/memos/{memo}/edit@kecskemet           in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/programmes/{id}/memos/{memo}/delete                   in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/memos/{memo}/follow-ups               in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/memos/{memo}/follow-ups@kecskemet     in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/programmes/{id}/memos/{memo}/follow-ups               in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/memos/{memo}/follow-ups@kecskemet     in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/programmes/{id}/memos/{memo}/delete                   in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /memos/{id}                                                  ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /memos/{id}@draft                                            404  404  404  404  404   404  404    404    404  404   404
GET    /programmes/{id}/info                                        ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /programmes/{id}/info.atom                                   ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /places/{id}/info                                            ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /places/{id}/info.atom                                       ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /knowledge                                                   ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /knowledge/{id}                                              ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /knowledge/{id}@draft                                        404  404  404  404  404   404  404    404    404  404   404
GET    /admin/knowledge                                             in   403  403  403  ok    ok   403    403    ok   403   ok
GET    /admin/knowledge/new                                         in   403  403  403  ok    ok   403    403    ok   403   ok
POST   /admin/knowledge/new                                         in   403  403  403  ok    ok   403    403    ok   403   ok
POST   /admin/knowledge/new@national                                in   403  403  403  403   403  403    403    ok   403   ok
GET    /admin/knowledge/{id}/edit                                   in   403  403  403  ok    ok   403    403    ok   403   ok
POST   /admin/knowledge/{id}/edit                                   in   403  403  403  ok    ok   403    403    ok   403   ok
POST   /admin/knowledge/{id}/edit@kecskemet                         in   403  403  403  403   403  403    403    ok   403   ok
POST   /admin/knowledge/{id}/edit@move                              in   403  403  403  403   403  403    403    ok   403   ok
GET    /admin/knowledge/{id}/delete                                 in   403  403  403  ok    ok   403    403    ok   403   ok
POST   /admin/knowledge/{id}/delete                                 in   403  403  403  ok    ok   403    403    ok   403   ok
POST   /admin/knowledge/{id}/delete@national                        in   403  403  403  403   403  403    403    ok   403   ok
POST   /admin/programmes/{id}/series                                in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/series/{series}/edit                  in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/series/{series}/edit                  in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/series/{series}/delete                in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/series/{series}/delete                in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/organisations                                         in   403  403  ok   ok    ok   ok     ok     ok   ok    ok
GET    /admin/organisations/new                                     in   403  403  403  403   ok   403    ok     ok   403   ok
POST   /admin/organisations/new                                     in   403  403  403  403   ok   403    ok     ok   403   ok
GET    /admin/organisations/{id}/edit                              in   403  403  403  403   403  403    ok     ok   403   ok
POST   /admin/organisations/{id}/edit                              in   403  403  403  403   403  403    ok     ok   403   ok
POST   /admin/organisations/{id}/edit@move                         in   403  403  403  403   403  403    422    ok   403   ok
POST   /admin/organisations/{id}/edit@parent                       in   403  403  403  403   403  403    422    ok   403   ok
POST   /admin/organisations/{id}/edit@cycle                        in   403  403  403  403   403  403    422    422  403   422
GET    /admin/organisations/{id}/edit@kecskemet                    in   403  403  403  403   403  403    403    ok   403   ok
GET    /admin/users                                                 in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/users/new                                             in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/users/new                                             in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/users/{id}/grants                                     in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/users/{id}/grants/{grant}/delete                      in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/users/{id}/grants/{grant}/delete                      in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/sign-in-attempts                                      in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/jobs                                                  in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/jobs/{job}/retry                                      in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/outbox                                                in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/outbox/{mail}                                         in   403  403  403  403   403  403    403    403  403   ok
GET    /api/openapi.json                                            ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /api/v1/programmes                                           ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
POST   /api/v1/programmes                                           401  403  403  403  403   403  403    403    ok   403   ok
GET    /api/v1/programmes/{id}                                      ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
PUT    /api/v1/programmes/{id}                                      401  403  403  403  403   ok   403    403    403  403   ok
PUT    /api/v1/programmes/{id}@move                                 401  403  403  403  403   422  403    403    403  403   ok
POST   /api/v1/programmes/{id}/partners                             401  403  403  403  403   ok   403    403    403  403   ok
PUT    /api/v1/programmes/{id}/partners/{partner}                   401  403  403  403  403   ok   403    403    403  403   ok
DELETE /api/v1/programmes/{id}/partners/{partner}                   401  403  403  403  403   ok   403    403    403  403   ok
POST   /api/v1/programmes/{id}/partners/{partner}/agreements        401  403  403  403  403   ok   403    403    403  403   ok
PUT    /api/v1/programmes/{id}/agreements/{agreement}               401  403  403  403  403   ok   403    403    403  403   ok
DELETE /api/v1/programmes/{id}/agreements/{agreement}               401  403  403  403  403   ok   403    403    403  403   ok
GET    /api/v1/programmes/{id}/staff                                401  403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /api/v1/programmes/{id}/staff@kecskemet                      401  403  403  403  403   403  403    403    ok   ok    ok
POST   /api/v1/programmes/{id}/staff                                401  403  403  403  403   ok   403    403    403  403   ok
PUT    /api/v1/programmes/{id}/staff/{staff}                        401  403  403  403  403   ok   403    403    403  403   ok
DELETE /api/v1/programmes/{id}/staff/{staff}                        401  403  403  403  403   ok   403    403    403  403   ok
POST   /api/v1/programmes/{id}/action-areas                         401  403  403  403  ok    ok   403    403    403  403   ok
PUT    /api/v1/programmes/{id}/action-areas/{area}                  401  403  403  403  ok    ok   403    403    403  403   ok
DELETE /api/v1/programmes/{id}/action-areas/{area}                  401  403  403  403  ok    ok   403    403    403  403   ok
POST   /api/v1/programmes/{id}/target-groups                        401  403  403  ok   ok    ok   403    403    403  403   ok
PUT    /api/v1/programmes/{id}/target-groups/{group}                401  403  403  ok   ok    ok   403    403    403  403   ok
DELETE /api/v1/programmes/{id}/target-groups/{group}                401  403  403  ok   ok    ok   403    403    403  403   ok
DELETE /api/v1/programmes/{id}/target-groups/{group}@kecskemet      401  403  403  403  403   403  403    403    403  403   ok
POST   /api/v1/programmes/{id}/activities                           401  403  403  ok   ok    ok   403    403    403  403   ok
POST   /api/v1/programmes/{id}/activities@kecskemet                 401  403  403  403  403   403  403    403    403  403   ok
GET    /api/v1/programmes/{id}/activities                           ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /api/v1/activities/{id}                                      ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /api/v1/activities/{id}@internal                             404  404  404  ok   ok    ok   ok     ok     ok   404   ok
PUT    /api/v1/activities/{id}                                      401  403  403  ok   ok    ok   403    403    403  403   ok
DELETE /api/v1/activities/{id}                                      401  403  403  ok   ok    ok   403    403    403  403   ok
POST   /api/v1/activities/{id}/registrations                        ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /api/v1/activities/{id}/registrations                        401  403  ok   ok   ok    ok   403    403    403  403   ok
GET    /api/v1/activities/{id}/registrations@kecskemet              401  403  403  403  403   403  403    403    403  403   ok
POST   /api/v1/check-ins                                            401  403  ok   ok   ok    ok   403    403    403  403   ok
POST   /api/v1/check-ins@kecskemet                                  401  403  403  403  403   403  403    403    403  403   ok
POST   /api/v1/check-ins/batch                                      401  403  ok   ok   ok    ok   403    403    403  403   ok
GET    /api/v1/activities/{id}/evidence                             401  403  ok   ok   ok    ok   403    403    ok   403   ok
GET    /api/v1/activities/{id}/evidence@kecskemet                   401  403  403  403  403   403  403    403    ok   ok    ok
GET    /api/v1/activities/{id}/attendance                           401  403  ok   ok   ok    ok   403    403    403  403   ok
GET    /api/v1/organisations                                        ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
POST   /api/v1/organisations                                        401  403  403  403  403   ok   403    ok     ok   403   ok
GET    /api/v1/organisations/{id}                                  ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
PUT    /api/v1/organisations/{id}                                  401  403  403  403  403   403  403    ok     ok   403   ok
PUT    /api/v1/organisations/{id}@move                             401  403  403  403  403   403  403    422    ok   403   ok
PUT    /api/v1/organisations/{id}@parent                           401  403  403  403  403   403  403    422    ok   403   ok
PUT    /api/v1/organisations/{id}@cycle                            401  403  403  403  403   403  403    422    422  403   422
GET    /api/v1/places                                               ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /admin/programmes/{id}/indicators                            in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/indicators@kecskemet                  in   403  403  403  403   403  403    403    ok   ok    ok
GET    /admin/programmes/{id}/indicators/new                        in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/indicators/new                        in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/indicators/new@kecskemet              in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/programmes/{id}/indicators/{ind}                      in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/indicators/{ind}@kecskemet            in   403  403  403  403   403  403    403    ok   ok    ok
GET    /admin/programmes/{id}/indicators/{ind}/edit                 in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/indicators/{ind}/edit                 in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/indicators/{ind}/edit@kecskemet       in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/programmes/{id}/indicators/{ind}/delete               in   403  403  403  403   ok   403    403    403  403   ok
POST   /admin/programmes/{id}/indicators/{ind}/delete               in   403  403  403  403   ok   403    403    403  403   ok
GET    /admin/programmes/{id}/indicators/{ind}/values               in   403  403  ok   ok    ok   ok     ok     ok   403   ok
POST   /admin/programmes/{id}/indicators/{ind}/values               in   403  403  403  403   ok   403    403    403  403   ok
GET    /admin/programmes/{id}/indicators/{ind}/values/{value}       in   403  403  ok   ok    ok   403    403    ok   403   ok
GET    /admin/programmes/{id}/indicators/{ind}/values/{value}@kecskemet in 403 403 403  403   403  403    403    ok   ok    ok
POST   /admin/programmes/{id}/indicators/{ind}/values/{value}/delete in  403  403  403  403   ok   403    403    403  403   ok
GET    /admin/programmes/{id}/report                                in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/report@kecskemet                      in   403  403  403  403   403  403    403    ok   ok    ok
POST   /admin/programmes/{id}/report/explanations/{ind}             in   403  403  403  403   ok   403    403    403  403   ok
GET    /admin/programmes/{id}/report.xlsx                           in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/report.xlsx@kecskemet                 in   403  403  403  403   403  403    403    ok   ok    ok
GET    /admin/programmes/{id}/report.csv                            in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/programmes/{id}/report.pdf                            in   403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /admin/indicators                                            in   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /admin/places/{id}/indicators                                in   403  403  403  403   403  ok     ok     ok   403   ok
GET    /admin/places/{id}/indicators@kecskemet                      in   403  403  403  403   403  403    403    ok   403   ok
GET    /statistics                                                  ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /statistics/{id}                                             ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /search                                                      ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /api/v1/search                                               ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /api/v1/programmes/{id}/indicators                           ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /api/v1/places/{id}/indicators                               ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /api/v1/indicators/{id}/records                              401  403  403  ok   ok    ok   ok     ok     ok   403   ok
GET    /api/v1/indicators/{id}/records@kecskemet                    401  403  403  403  403   403  403    403    ok   ok    ok
GET    /programmes/{id}/initiatives                                 ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /programmes/{id}/initiatives/new                             ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
POST   /programmes/{id}/initiatives/new                             ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /programmes/{id}/initiatives/{initiative}                    ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /programmes/{id}/initiatives/{initiative}@kecskemet          ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /programmes/{id}/initiatives/{initiative}@foreign            404  404  404  404  404   404  404    404    404  404   404
GET    /programmes/{id}/initiatives/{initiative}/edit               in   ok   403  ok   ok    ok   403    403    403  403   ok
GET    /programmes/{id}/initiatives/{initiative}/edit@kecskemet     in   ok   403  403  403   403  403    403    403  403   ok
POST   /programmes/{id}/initiatives/{initiative}/edit               in   ok   403  ok   ok    ok   403    403    403  403   ok
GET    /programmes/{id}/initiatives/{initiative}/delete             in   ok   403  ok   ok    ok   403    403    403  403   ok
POST   /programmes/{id}/initiatives/{initiative}/delete             in   ok   403  ok   ok    ok   403    403    403  403   ok
POST   /programmes/{id}/initiatives/{initiative}/delete@kecskemet   in   ok   403  403  403   403  403    403    403  403   ok
POST   /programmes/{id}/initiatives/{initiative}/support            ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
POST   /programmes/{id}/initiatives/{initiative}/support@foreign    404  404  404  404  404   404  404    404    404  404   404
POST   /programmes/{id}/initiatives/{initiative}/withdraw           in   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
POST   /programmes/{id}/initiatives/{initiative}/comments           ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /programmes/{id}/initiatives/{initiative}/comments/{comment}/edit in ok 403 403  403   403  403    403    403  403   403
POST   /programmes/{id}/initiatives/{initiative}/comments/{comment}/edit in ok 403 403  403   403  403    403    403  403   403
GET    /programmes/{id}/initiatives/{initiative}/comments/{comment}/delete in ok 403 403 403  403  403    403    403  403   403
POST   /programmes/{id}/initiatives/{initiative}/comments/{comment}/delete in ok 403 403 403  403  403    403    403  403   403
POST   /programmes/{id}/initiatives/{initiative}/comments/{comment}/report ok ok ok ok ok    ok   ok     ok     ok   ok    ok
POST   /programmes/{id}/initiatives/{initiative}/comments/{comment}/report@foreign 404 404 404 404 404 404 404 404 404 404 404
GET    /confirm/{token}                                             ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
POST   /confirm/{token}                                             ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /admin/programmes/{id}/initiatives                           in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/initiatives@kecskemet                 in   403  403  403  403   403  403    403    403  403   ok
GET    /admin/programmes/{id}/initiatives/{initiative}              in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/initiatives/{initiative}@foreign      in   403  403  403  403   403  403    403    403  403   404
POST   /admin/programmes/{id}/initiatives/{initiative}/move         in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/initiatives/{initiative}/move@kecskemet in 403  403  403  403   403  403    403    403  403   ok
POST   /admin/programmes/{id}/initiatives/{initiative}/assistance   in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/initiatives/{initiative}/assistance/{assistance}/delete in 403 403 ok ok ok 403 403 403 403 ok
POST   /admin/programmes/{id}/initiatives/{initiative}/assistance/{assistance}/delete in 403 403 ok ok ok 403 403 403 403 ok
POST   /admin/programmes/{id}/initiatives/{initiative}/outcome      in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/moderation                            in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /admin/programmes/{id}/moderation@kecskemet                  in   403  403  403  403   403  403    403    403  403   ok
POST   /admin/programmes/{id}/moderation/comments/{comment}/hide    in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/moderation/comments/{comment}/hide@kecskemet in 403 403 403 403 403 403   403    403  403   ok
POST   /admin/programmes/{id}/moderation/comments/{comment}/restore in   403  403  ok   ok    ok   403    403    403  403   ok
POST   /admin/programmes/{id}/moderation/residents/{resident}/block in   403  403  ok   ok    ok   403    403    403  403   ok
GET    /api/v1/programmes/{id}/initiatives                          ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
# Ask the experts (`{id}`: a question, chosen by the row's fixture in `questions::role_cell`)
GET    /questions                                                   ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /questions/new                                               ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
POST   /questions/new                                               ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /questions/mine                                              in   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /questions/{id}                                              ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /questions/{id}@waiting                                      404  404  404  404  ok    ok   404    404    ok   404   ok
GET    /questions/{id}@refused                                      404  404  404  404  ok    ok   404    404    ok   404   ok
GET    /questions/{id}@national_waiting                             404  404  404  404  404   404  404    404    ok   404   ok
POST   /questions/{id}/answers                                      in   403  403  ok   ok    ok   ok     403    ok   403   ok
POST   /questions/{id}/answers@waiting                              in   404  404  404  404   404  404    404    404  404   404
POST   /questions/{id}/answers@national                             in   403  403  ok   ok    ok   ok     403    ok   403   ok
POST   /questions/{id}/answers@elsewhere                            in   403  403  403  403   403  403    403    ok   403   ok
GET    /questions/{id}/answers/{answer}/edit                        in   403  403  403  403   403  ok     403    403  403   403
POST   /questions/{id}/answers/{answer}/edit                        in   403  403  403  403   403  ok     403    403  403   403
GET    /questions/{id}/answers/{answer}/delete                      in   403  403  403  ok    ok   403    403    ok   403   ok
POST   /questions/{id}/answers/{answer}/delete                      in   403  403  403  ok    ok   403    403    ok   403   ok
POST   /questions/{id}/answers/{answer}/delete@elsewhere            in   403  403  403  403   403  403    403    ok   403   ok
GET    /admin/questions                                             in   403  403  403  ok    ok   403    403    ok   403   ok
GET    /admin/questions/{id}/edit@waiting                           in   403  403  403  ok    ok   403    403    ok   403   ok
GET    /admin/questions/{id}/edit@national_waiting                  in   403  403  403  403   403  403    403    ok   403   ok
POST   /admin/questions/{id}/edit@waiting                           in   403  403  403  ok    ok   403    403    ok   403   ok
POST   /admin/questions/{id}/edit@move                              in   403  403  403  403   403  403    403    ok   403   ok
POST   /admin/questions/{id}/publish@waiting                        in   403  403  403  ok    ok   403    403    ok   403   ok
POST   /admin/questions/{id}/publish@national_waiting               in   403  403  403  403   403  403    403    ok   403   ok
POST   /admin/questions/{id}/publish@elsewhere                      in   403  403  403  403   403  403    403    ok   403   ok
POST   /admin/questions/{id}/refuse@waiting                         in   403  403  403  ok    ok   403    403    ok   403   ok
POST   /admin/questions/{id}/block@waiting                          in   403  403  403  ok    ok   403    403    ok   403   ok
GET    /api/v1/questions                                            ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /api/v1/questions/{id}                                       ok   ok   ok   ok   ok    ok   ok     ok     ok   ok    ok
GET    /api/v1/questions/{id}@waiting                               404  404  404  404  404   404  404    404    404  404   404
";

struct Row {
    method: Method,
    route: String,
    fixture: Option<String>,
    expected: Vec<String>,
}

fn rows() -> Vec<Row> {
    TABLE
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            assert_eq!(cols.len(), 2 + ACTORS.len(), "bad row: {l}");
            let (route, fixture) = match cols[1].split_once('@') {
                Some((r, f)) => (r.to_string(), Some(f.to_string())),
                None => (cols[1].to_string(), None),
            };
            Row {
                method: cols[0].parse().expect("method"),
                route,
                fixture,
                expected: cols[2..].iter().map(|s| s.to_string()).collect(),
            }
        })
        .collect()
}

#[test]
fn every_route_has_a_row_and_every_row_a_route() {
    let defs = kozos_web::route_table();
    let served: Vec<(Method, &str)> = defs
        .iter()
        .map(|r| (r.method.clone(), r.path.as_str()))
        .collect();
    let table = rows();
    for (m, p) in &served {
        assert!(
            table.iter().any(|r| r.method == *m && r.route == *p),
            "route {m} {p} has no row in the role × route table"
        );
    }
    for r in &table {
        assert!(
            served.iter().any(|(m, p)| *m == r.method && *p == r.route),
            "row {} {} is not a served route",
            r.method,
            r.route
        );
    }
}

fn outcome(r: &Resp) -> String {
    let s = r.status.as_u16();
    if (300..400).contains(&s) && r.location().starts_with("/signin") {
        "in".into()
    } else if (200..400).contains(&s) {
        "ok".into()
    } else {
        s.to_string()
    }
}

/// Valid input for each write route (so the outcome is about access, not validation).
fn form_for(
    route: &str,
    programme: &kozos_domain::programme::Programme,
    n: usize,
    email: &str,
) -> Vec<(String, String)> {
    let f = ProgrammeForm::from_programme(programme);
    let v = |pairs: &[(&str, String)]| {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect::<Vec<_>>()
    };
    match route {
        "/signin" => v(&[
            (
                "email",
                if email.is_empty() {
                    "senki@demo.kozos.hu".into()
                } else {
                    email.into()
                },
            ),
            ("password", PASSWORD.into()),
        ]),
        "/admin/programmes/new" => v(&[
            ("title", format!("Új program {n}")),
            ("beneficiary_id", f.beneficiary_id.clone()),
            ("place_id", f.place_id.clone()),
        ]),
        "/admin/programmes/{id}/edit" => v(&[
            ("title", f.title),
            ("code", f.code),
            ("beneficiary_id", f.beneficiary_id),
            ("place_id", f.place_id),
            ("grant_huf", f.grant_huf),
            ("aid_intensity", f.aid_intensity),
            ("fund", f.fund),
            ("start_date", f.start_date),
            ("end_date", f.end_date),
            ("intermediate_body", f.intermediate_body),
            ("description", f.description),
        ]),
        "/admin/programmes/{id}/partners" => v(&[
            ("organisation_id", "{neworg}".into()),
            ("role", "supporter".into()),
        ]),
        "/admin/programmes/{id}/partners/{partner}/agreements" => v(&[
            ("signed_on", "2020-02-02".into()),
            ("scope", format!("Közös program {n}")),
        ]),
        "/admin/programmes/{id}/surveys" | "/admin/programmes/{id}/surveys/{survey}/edit" => v(&[
            ("title", format!("Kérdőív {n}")),
            ("mode", "interview".into()),
            ("status", "open".into()),
        ]),
        "/admin/programmes/{id}/surveys/{survey}/questions"
        | "/admin/programmes/{id}/surveys/{survey}/questions/{question}/edit" => v(&[
            ("kind", "long_text".into()),
            ("label", format!("Mi hiányzik? {n}")),
        ]),
        "/admin/programmes/{id}/surveys/{survey}/interviews" => v(&[
            ("interviewer", "Önkéntes Ödön".into()),
            ("interviewed_on", "2018-10-12".into()),
        ]),
        "/admin/programmes/{id}/plans" | "/admin/programmes/{id}/plans/{plan}/edit" => v(&[
            ("title", format!("Terv {n}")),
            ("kind", "local_action_plan".into()),
            ("status", "draft".into()),
        ]),
        "/admin/programmes/{id}/plans/{plan}/needs"
        | "/admin/programmes/{id}/needs/{need}/edit"
        | "/admin/programmes/{id}/needs/{need}/goals"
        | "/admin/programmes/{id}/goals/{goal}/edit" => v(&[("title", format!("Szint {n}"))]),
        "/admin/programmes/{id}/memos/{memo}/follow-ups" => {
            v(&[("task", "Próbateendő".into()), ("goal", "{goal}".into())])
        }
        "/admin/programmes/{id}/goals/{goal}/actions"
        | "/admin/programmes/{id}/plan-actions/{action}/edit" => v(&[
            ("title", format!("Intézkedés {n}")),
            ("owner", "Koordinátor".into()),
        ]),
        "/admin/programmes/{id}/situation" | "/admin/programmes/{id}/situation/{picture}/edit" => {
            v(&[
                ("title", format!("Helyzetkép {n}")),
                ("as_of", "2018-11-30".into()),
                ("needs", "Közös programok".into()),
            ])
        }
        "/admin/programmes/{id}/staff" => v(&[
            ("name", format!("Munkatárs {n}")),
            ("position", "volunteer".into()),
        ]),
        "/admin/programmes/{id}/areas" | "/admin/programmes/{id}/areas/{area}/edit" => v(&[
            ("name", format!("Terület {n}")),
            ("settlements", "Kisbér".into()),
        ]),
        "/admin/programmes/{id}/target-groups"
        | "/admin/programmes/{id}/target-groups/{group}/edit" => {
            v(&[("name", format!("Csoport {n}"))])
        }
        "/admin/programmes/{id}/partners/{partner}/edit" => v(&[
            ("organisation_id", "{neworg}".into()),
            ("role", "consortium_member".into()),
        ]),
        "/admin/programmes/{id}/agreements/{agreement}/edit" => v(&[
            ("signed_on", "2021-03-03".into()),
            ("scope", format!("Módosított tárgy {n}")),
        ]),
        "/admin/programmes/{id}/staff/{staff}/edit" => v(&[
            ("name", format!("Átnevezett {n}")),
            ("position", "mentor".into()),
        ]),
        "/admin/programmes/{id}/activities"
        | "/admin/programmes/{id}/activities/{activity}/edit" => v(&[
            ("title", format!("Közösségi beszélgetés {n}")),
            ("kind", "community_conversation".into()),
            ("starts_at", "2027-05-06T17:00".into()),
            ("ends_at", "2027-05-06T19:00".into()),
            ("settlement", "Kisbér".into()),
            ("public", "1".into()),
        ]),
        "/admin/programmes/{id}/series" | "/admin/programmes/{id}/series/{series}/edit" => v(&[
            ("name", format!("Filmklub {n}")),
            ("kind", "film_screening".into()),
            ("frequency", "monthly_nth".into()),
            ("nth", "2".into()),
            ("nth_weekday", "4".into()),
            ("first_date", "2027-01-01".into()),
            ("until_date", "2027-03-31".into()),
            ("start_time", "18:00".into()),
            ("end_time", "20:00".into()),
        ]),
        "/admin/users/new" => v(&[
            ("email", format!("uj{n}@kisber.hu")),
            ("name", format!("Új Ember {n}")),
            ("password", "hosszu-jelszo-123".into()),
            ("role", "resident".into()),
            ("scope", "country".into()),
        ]),
        "/admin/users/{id}/grants" => v(&[("role", "mentor".into()), ("scope", "country".into())]),
        "/admin/organisations/new" => v(&[
            ("name", format!("Új Egyesület {n}")),
            ("sector", "civil".into()),
            ("kind", "ngo".into()),
        ]),
        "/admin/organisations/{id}/edit" => vec![],
        "/activities/{id}/register" => v(&[
            ("name", format!("Vendég Vilma {n}")),
            ("email", format!("vendeg{n}@example.hu")),
        ]),
        "/admin/activities/{id}/roster/tick" => {
            v(&[("person_id", "{person}".into()), ("present", "1".into())])
        }
        "/admin/activities/{id}/roster/walk-in" => v(&[("name", format!("Betérő Béla {n}"))]),
        "/programmes/{id}/initiatives/new" => v(&[
            ("title", format!("Próbajavaslat {n}")),
            ("summary", "Leírás".into()),
            ("name", "Vendég Vera".into()),
            ("email", format!("vendeg-javaslat{n}@example.hu")),
        ]),
        "/programmes/{id}/initiatives/{initiative}/edit" => v(&[
            ("title", format!("Átírt kezdeményezés {n}")),
            ("summary", "Új leírás".into()),
            ("_version", "{initiative_version}".into()),
        ]),
        "/programmes/{id}/initiatives/{initiative}/support"
        | "/programmes/{id}/initiatives/{initiative}/comments/{comment}/report" => v(&[
            ("name", "Vendég Vera".into()),
            ("email", format!("vendeg-tamogato{n}@example.hu")),
        ]),
        "/programmes/{id}/initiatives/{initiative}/comments" => v(&[
            ("body", format!("Hozzászólás {n}")),
            ("name", "Vendég Vera".into()),
            ("email", format!("vendeg-hozzaszolo{n}@example.hu")),
        ]),
        "/programmes/{id}/initiatives/{initiative}/comments/{comment}/edit" => v(&[
            ("body", format!("Átírt hozzászólás {n}")),
            ("_version", "1".into()),
        ]),
        "/admin/programmes/{id}/initiatives/{initiative}/move" => v(&[
            ("to", "explored".into()),
            ("_version", "{initiative_version}".into()),
        ]),
        "/admin/programmes/{id}/initiatives/{initiative}/assistance" => v(&[
            ("kind", "in_kind".into()),
            ("given_on", "2026-11-02".into()),
            ("given_by", format!("Próba Adományozó {n}")),
        ]),
        "/admin/programmes/{id}/initiatives/{initiative}/outcome" => v(&[
            ("outcome", "club_founded".into()),
            ("name", format!("Próba Klub {n}")),
            ("_version", "{initiative_version}".into()),
        ]),
        "/admin/programmes/{id}/moderation/comments/{comment}/hide"
        | "/admin/programmes/{id}/moderation/residents/{resident}/block" => {
            v(&[("reason", "Sértő".into())])
        }
        "/admin/programmes/{id}/indicators/new" => v(&[
            ("code", format!("N{n}")),
            ("name_hu", "Új próbamutató".into()),
            ("source", "activities".into()),
            ("target", "5".into()),
        ]),
        "/admin/programmes/{id}/indicators/{ind}/edit" => v(&[
            ("code", format!("E{n}")),
            ("name_hu", "Átnevezett próbamutató".into()),
            ("source", "activities".into()),
            ("target", "12".into()),
            ("_version", "1".into()),
        ]),
        "/admin/programmes/{id}/report/explanations/{ind}" => v(&[
            ("explanation", "A tavaszi alkalmak elmaradtak.".into()),
            ("_version", "0".into()),
        ]),
        "/admin/activities/{id}/training" => v(&[
            ("distance_hours", "0".into()),
            ("completion_percent", "75".into()),
            ("_version", "0".into()),
        ]),
        "/admin/knowledge/new" | "/admin/knowledge/{id}/edit" => v(&[
            ("kind", "study".into()),
            ("title", format!("Helytörténeti tanulmány {n}")),
            ("summary", "A falu története.".into()),
            ("author", "Nagy Ilona".into()),
            ("programme_id", programme.id.to_string()),
            ("tags", "helytörténet".into()),
            ("published", "1".into()),
        ]),
        "/admin/programmes/{id}/activities/{activity}/memos"
        | "/admin/programmes/{id}/memos/{memo}/edit" => v(&[
            ("title", format!("Emlékeztető {n}")),
            ("moderator", "Kovács Anna".into()),
            ("body", format!("Megbeszéltük a {n}. pontot.")),
            ("follow_ups", "Plakát; Tóth Péter; 2027-01-10".into()),
            ("published", "1".into()),
        ]),
        "/admin/activities/{id}/training/sessions" => v(&[
            ("date", "2026-11-18".into()),
            ("starts", "09:00".into()),
            ("ends", "12:00".into()),
        ]),
        "/admin/activities/{id}/training/distance" => {
            v(&[("person_id", "{trainee}".into()), ("done", "1".into())])
        }
        "/admin/activities/{id}/certificates/{cert}/revoke" => {
            v(&[("reason", format!("Téves kiállítás {n}"))])
        }
        "/admin/people/new" => v(&[
            ("programme_id", programme.id.to_string()),
            ("name", format!("Új Személy {n}")),
            ("birth_year", "1980".into()),
        ]),
        "/admin/people/{id}/edit" => v(&[
            ("name", format!("Átnevezett Piroska {n}")),
            ("settlement", "Kisbér".into()),
        ]),
        "/admin/people/{id}/sensitive" => v(&[
            ("disadvantaged", "1".into()),
            ("legal_basis", "public_task".into()),
            ("basis_note", "Támogatási szerződés 4. pont".into()),
        ]),
        "/admin/people/{id}/consents" => v(&[
            ("purpose", "participation".into()),
            ("given_on", "2026-11-02".into()),
            ("given_by", "Saját maga".into()),
        ]),
        "/admin/people/{id}/merge" => v(&[("other", "{other}".into())]),
        "/admin/activities/{id}/volunteers" => v(&[
            ("person_id", "{person}".into()),
            ("role", "regisztráció".into()),
            ("hours", "1,5".into()),
        ]),
        r if crate::question_fixtures::is_question_route(r) => {
            crate::question_fixtures::role_form(r, n)
        }
        _ => vec![],
    }
}

/// Valid JSON for each API write route.
async fn api_body(
    t: &TestApp,
    route: &str,
    programme: &kozos_domain::programme::Programme,
    fx: &mut Fx<'_>,
    n: usize,
) -> serde_json::Value {
    use serde_json::json;
    let admin = t.user("admin@demo.kozos.hu").await;
    match route {
        "/api/v1/organisations" => {
            json!({"name": format!("API Egyesület {n}"), "sector": "civil", "kind": "ngo"})
        }
        "/api/v1/organisations/{id}" => {
            let o = kozos_app::catalogue::organisation(
                &t.app,
                kozos_domain::OrganisationId(fx.get("org").await.parse().unwrap()),
            )
            .await
            .unwrap();
            json!({"name": o.name, "sector": o.sector.as_str(), "kind": o.kind.as_str(), "settlement_id": o.settlement_id.map(|s| s.0),
                "parent_id": o.parent_id.map(|p| p.0), "website": o.website})
        }
        "/api/v1/programmes" => {
            json!({"title": format!("API program {n}"), "beneficiary_id": programme.beneficiary_id.map(|b| b.0), "place_id": programme.place_id.map(|p| p.0)})
        }
        "/api/v1/programmes/{id}" => {
            let f = ProgrammeForm::from_programme(programme);
            json!({"title": f.title, "code": f.code, "beneficiary_id": programme.beneficiary_id.map(|b| b.0), "place_id": programme.place_id.map(|p| p.0),
                "grant_huf": programme.grant_huf, "aid_intensity_percent": 100.0, "fund": f.fund, "end_date": f.end_date, "intermediate_body": f.intermediate_body, "description": f.description})
        }
        "/api/v1/programmes/{id}/partners" | "/api/v1/programmes/{id}/partners/{partner}" => {
            let org = t
                .new_organisation()
                .by_user(&admin)
                .name(format!("API Partner {n}"))
                .create()
                .await;
            json!({"organisation_id": org.0, "role": "supporter", "agreement": {"signed_on": "2019-05-05", "scope": "Közös rendezvények"}})
        }
        "/api/v1/programmes/{id}/partners/{partner}/agreements"
        | "/api/v1/programmes/{id}/agreements/{agreement}" => {
            json!({"signed_on": "2020-01-15", "scope": format!("Megállapodás {n}")})
        }
        "/api/v1/programmes/{id}/staff" | "/api/v1/programmes/{id}/staff/{staff}" => {
            json!({"name": format!("API Munkatárs {n}"), "position": "volunteer"})
        }
        "/api/v1/programmes/{id}/action-areas" | "/api/v1/programmes/{id}/action-areas/{area}" => {
            json!({"name": format!("API terület {n}"), "settlements": ["Kisbér", "Hánta"]})
        }
        "/api/v1/programmes/{id}/target-groups"
        | "/api/v1/programmes/{id}/target-groups/{group}" => {
            json!({"name": format!("API csoport {n}"), "planned_size": 12})
        }
        "/api/v1/programmes/{id}/activities" | "/api/v1/activities/{id}" => {
            json!({"title": format!("API műhely {n}"), "kind": "workshop", "phase": "opening",
                "starts_at": "2027-04-01T15:00:00Z", "ends_at": "2027-04-01T18:00:00Z", "settlement": "Kisbér", "public": true})
        }
        "/api/v1/activities/{id}/registrations" => {
            json!({"name": format!("Vendég Vilma {n}"), "email": format!("vendeg{n}@example.hu")})
        }
        "/api/v1/check-ins" => {
            json!({"activity_id": fx.get("live").await.parse::<i64>().unwrap(), "token": fx.get("token").await, "scanned_at": "2026-11-21T10:00:00Z", "client_id": format!("scan-{n}")})
        }
        "/api/v1/check-ins/batch" => {
            json!({"scans": [{"activity_id": fx.get("live").await.parse::<i64>().unwrap(), "token": fx.get("token").await, "scanned_at": "2026-11-21T10:00:00Z", "client_id": format!("scan-{n}")}]})
        }
        _ => json!({}),
    }
}

/// What a row's fixture changes in the submitted record: `move` puts it in another
/// county (Kecskemét), `parent` under an organisation there, `cycle` under its own child.
async fn moved_fields(route: &str, fixture: &str, fx: &mut Fx<'_>) -> Vec<(&'static str, String)> {
    let organisation = route.contains("/organisations/");
    if route.starts_with("/admin/knowledge/") {
        return match fixture {
            "move" => vec![("programme_id", fx.get("kecskemet_programme").await)],
            "national" => vec![("programme_id", String::new())],
            _ => vec![],
        };
    }
    match fixture {
        "move" if organisation => vec![("settlement_id", fx.get("kecskemet_settlement").await)],
        "move" => vec![("place_id", fx.get("kecskemet_settlement").await)],
        "parent" => vec![("parent_id", fx.get("kecskemet_org").await)],
        "cycle" => vec![("parent_id", fx.get("child_org").await)],
        _ => vec![],
    }
}

async fn run_table(t: TestApp) {
    let admin = t.user("admin@demo.kozos.hu").await;
    let subject = kozos_app::accounts::create(
        &t.app,
        &admin,
        &kozos_app::accounts::AccountForm {
            email: "celpont@kisber.hu".into(),
            name: "Célpont Cecília".into(),
            password: "hosszu-jelszo-123".into(),
            role: "resident".into(),
            scope: "country".into(),
        },
        None,
    )
    .await
    .unwrap();
    let mut clients = Vec::new();
    for email in ACTORS {
        let mut c = if email.is_empty() {
            t.client()
        } else {
            t.signed_in(email).await
        };
        if !email.is_empty() {
            c.bearer = Some(
                kozos_app::auth::create_api_token(&t.app, email, "table")
                    .await
                    .unwrap(),
            );
        }
        clients.push(c);
    }
    let mut n = 0;
    let mut failures = Vec::new();
    // Fixtures are made afresh only after a write went through (it may have changed or
    // deleted them); a read or a refused write leaves them as they were, so the next cell
    // reuses them. That keeps every cell's records existing and unchanged at a fraction
    // of the writes.
    let mut reusable: Option<(i64, std::collections::HashMap<&'static str, String>)> = None;
    // KOZOS_ROLE_ROWS=<text> runs only the rows whose route contains it (while working
    // on one feature); CI sets nothing and runs them all.
    let only = std::env::var("KOZOS_ROLE_ROWS").ok();
    let selected = rows()
        .into_iter()
        .filter(|r| only.as_deref().is_none_or(|o| r.route.contains(o)));
    // KOZOS_ROLE_TIMING=1 prints where the time goes: fixture building and the slowest rows.
    let timing = std::env::var("KOZOS_ROLE_TIMING").is_ok();
    let mut fixture_time = std::time::Duration::ZERO;
    let mut row_times = Vec::new();
    for row in selected {
        let row_started = std::time::Instant::now();
        for (i, email) in ACTORS.iter().enumerate() {
            n += 1;
            let programme_id = if row.fixture.as_deref() == Some("kecskemet") {
                t.kecskemet()
            } else {
                t.kisber()
            };
            let kept = match reusable.take() {
                Some((p, kept)) if p == programme_id => kept,
                _ => Default::default(),
            };
            let mut fx = Fx::new(&t, &admin, subject, programme_id, n, kept);
            let started = std::time::Instant::now();
            let mut path_token = None;
            // Indicators are made only for the rows that name one, and kept with the rest
            // while nothing is written: each one makes every later write to the programme
            // recompute a little more.
            let needs_indicator =
                row.route.contains("{ind}") || row.route.starts_with("/api/v1/indicators/");
            if needs_indicator && !fx.map.contains_key("ind") {
                let ind =
                    indicator_fixture(&t, &admin, kozos_domain::ProgrammeId(programme_id), n).await;
                fx.map.insert("ind", ind.counting.to_string());
                fx.map.insert("manual", ind.manual.to_string());
                fx.map.insert("value", ind.value.to_string());
            }
            // A memo is made only for the rows that name one (on a conversation of its own,
            // so the activity rows can still delete theirs).
            let needs_memo = row.route.contains("{memo}") || row.route.starts_with("/memos/");
            if needs_memo && !fx.map.contains_key("memo") {
                let (memo, draft) =
                    memo_fixture(&t, &admin, kozos_domain::ProgrammeId(programme_id), n).await;
                fx.map.insert("memo", memo.to_string());
                fx.map.insert("draft_memo", draft.to_string());
            }
            if (row.route.starts_with("/knowledge/")
                || row.route.starts_with("/admin/knowledge/{id}"))
                && !fx.map.contains_key("knowledge")
            {
                let k = knowledge_fixture(&t, &admin, programme_id, n).await;
                fx.map.insert("knowledge", k[0].to_string());
                fx.map.insert("knowledge_draft", k[1].to_string());
                fx.map.insert("knowledge_national", k[2].to_string());
            }
            let needs_initiative = row.route.contains("initiatives/{initiative}")
                || row.route.contains("/moderation/")
                || row.route.starts_with("/confirm/");
            if needs_initiative && !fx.map.contains_key("initiative") {
                for (k, v) in crate::initiative_fixtures::role_fixture(&t, programme_id, n).await {
                    fx.map.insert(k, v);
                }
            }
            if crate::question_fixtures::is_question_route(&row.route)
                && !fx.map.contains_key("q_published")
            {
                for (k, v) in crate::question_fixtures::role_fixture(&t, n).await {
                    fx.map.insert(k, v);
                }
            }
            if row.route.starts_with("/confirm/") {
                let token = crate::initiative_fixtures::confirm_token(
                    &t,
                    programme_id,
                    &fx.get("initiative").await,
                    n,
                )
                .await;
                path_token = Some(token);
            }
            if row.route.contains("{job}") {
                fx.map
                    .insert("job", crate::jobs::failed_job(&t).await.to_string());
            }
            if row.route.contains("{mail}") {
                fx.map
                    .insert("mail", crate::mail::queued_mail(&t).await.to_string());
            }
            if row.route.contains("/surveys") {
                let (survey, question, public) = crate::surveys::role_fixture(
                    &t,
                    kozos_domain::ProgrammeId(programme_id),
                    row.fixture.as_deref() == Some("draft"),
                )
                .await;
                fx.map.insert("survey", survey.to_string());
                fx.map.insert("question", question.to_string());
                fx.map.insert("public_survey", public.to_string());
            }
            if row.route.contains("/plans")
                || row.route.contains("/needs/")
                || row.route.contains("/goals/")
                || row.route.contains("/plan-actions/")
                || row.route.contains("/follow-ups")
            {
                let (plan, need, goal, action) = crate::plans::role_fixture(
                    &t,
                    kozos_domain::ProgrammeId(programme_id),
                    row.fixture.as_deref() == Some("draft"),
                )
                .await;
                fx.map.insert("plan", plan.to_string());
                fx.map.insert("need", need.to_string());
                fx.map.insert("goal", goal.to_string());
                fx.map.insert("action", action.to_string());
            }
            if row.route.contains("/situation") {
                let picture =
                    crate::plans::picture_fixture(&t, kozos_domain::ProgrammeId(programme_id))
                        .await;
                fx.map.insert("picture", picture.to_string());
            }
            if row.route.contains("{file}") {
                let live = kozos_domain::ActivityId(fx.get("live").await.parse().unwrap());
                fx.map.insert(
                    "file",
                    crate::evidence::stored_file(&t, live).await.to_string(),
                );
            }
            let fixture = row.fixture.as_deref().unwrap_or("");
            let org_move = row.route.contains("/organisations/")
                && matches!(fixture, "move" | "parent" | "cycle");
            if org_move {
                let local = fx.get("local_org").await;
                fx.map.insert("org", local);
            }
            let mut path = row.route.clone();
            if path.contains("/organisations/") {
                path = path.replace("{id}", &fx.get("org").await);
            }
            if path.starts_with("/activities/") || path.starts_with("/api/v1/activities/") {
                let which = if fixture == "internal" {
                    "internal"
                } else {
                    "activity"
                };
                path = path.replace("{id}", &fx.get(which).await);
            }
            if path.starts_with("/admin/activities/{id}/training")
                || path.starts_with("/admin/activities/{id}/certificates")
            {
                path = path.replace("{id}", &fx.get("training").await);
            }
            if path.starts_with("/admin/activities/") {
                path = path.replace("{id}", &fx.get("live").await);
            }
            if path.starts_with("/admin/people/") {
                path = path.replace("{id}", &fx.get("person").await);
            }
            if fixture == "foreign" && row.route.contains("initiatives/{initiative}") {
                // another programme's initiative under this programme's address
                path = path.replace("{id}", &t.kecskemet().to_string());
            }
            if fixture == "foreign" {
                path = path
                    .replace("{consent}", &fx.get("other_consent").await)
                    .replace("{shift}", &fx.get("foreign_shift").await);
            }
            if path.starts_with("/surveys/") {
                path = path.replace("{id}", &fx.get("public_survey").await);
            }
            if path.contains("/users/") {
                path = path.replace("{id}", &fx.get("user").await);
            }
            if path.contains("/indicators/{ind}/values") {
                path = path.replace("{ind}", &fx.get("manual").await);
            }
            if path.starts_with("/api/v1/indicators/") {
                path = path.replace("{id}", &fx.get("ind").await);
            }
            if path.starts_with("/knowledge/") || path.starts_with("/admin/knowledge/") {
                let which = match fixture {
                    "draft" => "knowledge_draft",
                    "national" => "knowledge_national",
                    _ => "knowledge",
                };
                if let Some(v) = fx.map.get(which) {
                    path = path.replace("{id}", v);
                }
            }
            if path.starts_with("/memos/") {
                let which = if fixture == "draft" {
                    "draft_memo"
                } else {
                    "memo"
                };
                path = path.replace("{id}", &fx.get(which).await);
            }
            if path.starts_with("/admin/places/")
                || path.starts_with("/places/")
                || path.starts_with("/statistics/")
                || path.starts_with("/api/v1/places/")
            {
                path = path.replace("{id}", &fx.get("place").await);
            }
            if crate::question_fixtures::is_question_route(&row.route) {
                crate::question_fixtures::role_cell(&t, &mut path, &mut fx.map, fixture);
            }
            if let Some(token) = &path_token {
                path = path.replace("{token}", token);
            }
            let path = fx.fill(&path).await;
            fixture_time += started.elapsed();
            let programme = kozos_app::catalogue::programme_page(
                &t.app,
                kozos_domain::ProgrammeId(programme_id),
            )
            .await
            .unwrap()
            .programme
            .clone();
            let c = &mut clients[i];
            let resp = match row.method.as_str() {
                "GET" => c.get(&path).await,
                "POST" | "PUT" | "DELETE" if path.starts_with("/api/") => {
                    let mut body = api_body(&t, &row.route, &programme, &mut fx, n).await;
                    for (k, v) in moved_fields(&row.route, fixture, &mut fx).await {
                        body[k] = serde_json::json!(v.parse::<i64>().unwrap());
                    }
                    c.send_json(row.method.clone(), &path, &body).await
                }
                "POST" if row.route.ends_with("/evidence") => {
                    let pdf = crate::evidence::SMALL_PDF;
                    c.post_multipart(
                        &path,
                        &[("kind", "attendance_sheet")],
                        Some(("jelenléti.pdf", "application/pdf", pdf)),
                    )
                    .await
                }
                "POST" if row.route.ends_with("/indicators/{ind}/values") => {
                    let pdf = crate::evidence::SMALL_PDF;
                    c.post_multipart(
                        &path,
                        &[("on", "2022.06.01."), ("amount", "3"), ("note", "")],
                        Some(("jegyzokonyv.pdf", "application/pdf", pdf)),
                    )
                    .await
                }
                "POST" if row.route.ends_with("/check-in/sync") => {
                    // The check-in page's script: JSON, with the page's CSRF token in a header.
                    let token = c.csrf_token().await;
                    c.headers.push(("x-csrf-token".into(), token));
                    let body = serde_json::json!({"scans": [{"activity_id": fx.get("live").await.parse::<i64>().unwrap(),
                        "token": fx.get("token").await, "scanned_at": "2026-11-21T10:00:00Z", "client_id": format!("page-{n}")}]});
                    let r = c.send_json(Method::POST, &path, &body).await;
                    c.headers.pop();
                    r
                }
                _ => {
                    let mut fields = form_for(&row.route, &programme, n, email);
                    for f in fields.iter_mut() {
                        let key = f.1.strip_prefix('{').and_then(|k| k.strip_suffix('}'));
                        if let Some(k) = key.filter(|k| *k != "neworg") {
                            f.1 = fx.get(k).await;
                        }
                    }
                    if row.route == "/admin/organisations/{id}/edit" {
                        let o = kozos_app::catalogue::organisation(
                            &t.app,
                            kozos_domain::OrganisationId(fx.get("org").await.parse().unwrap()),
                        )
                        .await
                        .unwrap();
                        let f = kozos_domain::organisation::OrganisationForm::from_organisation(&o);
                        fields = vec![
                            ("name".into(), f.name),
                            ("sector".into(), f.sector),
                            ("kind".into(), f.kind),
                            ("settlement_id".into(), f.settlement_id),
                            ("parent_id".into(), f.parent_id),
                            ("website".into(), f.website),
                        ];
                    }
                    for (k, v) in moved_fields(&row.route, fixture, &mut fx).await {
                        fields.retain(|(name, _)| name != k);
                        fields.push((k.to_string(), v));
                    }
                    if fields.iter().any(|(_, v)| v == "{neworg}") {
                        let org = t
                            .new_organisation()
                            .by_user(&admin)
                            .name(format!("Partner Egyesület {n}"))
                            .create()
                            .await;
                        for f in fields.iter_mut() {
                            if f.1 == "{neworg}" {
                                f.1 = org.to_string();
                            }
                        }
                    }
                    let refs: Vec<(&str, &str)> = fields
                        .iter()
                        .map(|(k, v)| (k.as_str(), v.as_str()))
                        .collect();
                    let r = c.post_form(&path, &refs).await;
                    // Signing out or in changes the client's state; put it back for the next rows.
                    if row.route == "/signout" && !email.is_empty() {
                        *c = t.signed_in(email).await;
                        c.bearer = Some(
                            kozos_app::auth::create_api_token(&t.app, email, "table")
                                .await
                                .unwrap(),
                        );
                    }
                    if row.route == "/signin" && email.is_empty() {
                        c.cookies.remove("kozos_session");
                    }
                    r
                }
            };
            if fixture == "move" && row.route.contains("/programmes/") {
                // put the programme back where it was for the rows that follow
                kozos_app::programmes::update(
                    &t.app,
                    &admin,
                    programme.id,
                    &ProgrammeForm::from_programme(&programme),
                    None,
                )
                .await
                .unwrap();
            }
            let got = outcome(&resp);
            let changed = row.method != Method::GET && (got == "ok" || fixture == "move");
            if !changed {
                let mut kept = fx.map;
                for k in PER_CELL {
                    kept.remove(k);
                }
                if org_move {
                    kept.remove("org"); // it stood for the organisation moved
                }
                reusable = Some((programme_id, kept));
            }
            if got != row.expected[i] {
                failures.push(format!(
                    "{} {}{} as {}: expected {}, got {} ({})",
                    row.method,
                    row.route,
                    row.fixture
                        .as_deref()
                        .map(|f| format!("@{f}"))
                        .unwrap_or_default(),
                    if email.is_empty() { "anonymous" } else { email },
                    row.expected[i],
                    got,
                    resp.status
                ));
            }
        }
        row_times.push((
            row_started.elapsed(),
            format!("{} {}", row.method, row.route),
        ));
    }
    if timing {
        row_times.sort_by_key(|r| std::cmp::Reverse(r.0));
        let total: std::time::Duration = row_times.iter().map(|r| r.0).sum();
        eprintln!("role table: {n} cells in {total:?}, fixtures {fixture_time:?}");
        for (d, r) in row_times.iter().take(25) {
            eprintln!("  {d:>10.2?} {r}");
        }
    }
    assert!(
        failures.is_empty(),
        "{} cells differ from the table:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

both!(table_holds, |t: TestApp| async move { run_table(t).await });
