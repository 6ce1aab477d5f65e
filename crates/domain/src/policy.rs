//! The role × scope policy. One table says what each role may do; a grant applies to the
//! part of the tree it names. Use cases ask [`allows`] before they read or write; handlers
//! never decide access themselves.

use crate::ids::*;
use crate::user::{Grant, Role, Scope};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Open the staff back office and read the programmes in scope.
    ViewBackOffice,
    CreateProgramme,
    EditProgramme,
    ManagePartners,
    ManageStaff,
    ManageActionAreas,
    ManageTargetGroups,
    /// Plan activities and series, and keep their details.
    ManageActivities,
    /// Register people, tick the roster, scan tickets, upload evidence of an activity.
    CheckIn,
    /// Read and download an activity's evidence files (staff, and those who audit).
    ViewEvidence,
    /// Enter, edit and merge people in the registry.
    ManagePeople,
    /// Read and record sensitive attributes (others see counts only).
    ViewSensitive,
    CreateOrganisation,
    EditOrganisation,
    ManageUsers,
    /// Read indicators, dashboards, the progress report and the rows behind each number.
    ViewIndicators,
    /// Define indicators, set targets, record manual values and explanations.
    ManageIndicators,
    /// Add, edit and publish items of the knowledge library (of a programme, or with a
    /// country-wide grant, of none).
    ManageKnowledge,
    /// Move initiatives through their stages, record support given and their outcome.
    ManageInitiatives,
    /// Hide and restore residents' comments, block residents from writing.
    ModerateComments,
    /// Build questionnaires, keep situation pictures and the local action plan.
    ManageCommunityProcess,
    /// Type in interview answer sheets (volunteers who did the interviews may).
    EnterResponses,
    /// Read questionnaires' results, situation pictures and draft plans.
    ViewCommunityProcess,
    /// Publish or refuse (with a reason) residents' questions to the experts, correct or
    /// re-file them, remove answers, block an asker from writing.
    ModerateQuestions,
    /// Answer published questions in public, signed with one's name and role.
    AnswerQuestions,
}

/// What each role may do, wherever its grant applies.
pub fn role_allows(role: Role, action: Action) -> bool {
    use Action::*;
    use Role::*;
    // Whoever reads the back office reads its numbers (the auditor checks every one).
    if action == ViewIndicators {
        return role_allows(role, ViewBackOffice);
    }
    if action == ManageIndicators {
        return matches!(role, ProjectManager | Administrator);
    }
    // Those who run a programme or the network publish what it learnt.
    if action == ManageKnowledge {
        return matches!(
            role,
            Coordinator | ProjectManager | NationalCoordinator | Administrator
        );
    }
    // Those who run the workshops move the initiatives and keep their comments civil.
    if matches!(action, ManageInitiatives | ModerateComments) {
        return matches!(
            role,
            CommunityDeveloper | Coordinator | ProjectManager | Administrator
        );
    }
    // Questions to the experts are let through by those who run a programme (its
    // coordinator and project manager) and, for the country, the national coordinator: the
    // same people who answer for what the programme publishes. The community developer
    // and the mentor answer but do not moderate: whoever moderates decides what the
    // experts are asked in public.
    if action == ModerateQuestions {
        return matches!(
            role,
            Coordinator | ProjectManager | NationalCoordinator | Administrator
        );
    }
    // The experts: mentors (the network's own experts), community developers and those
    // who run a programme, and the national coordinator. Volunteers, auditors and county
    // offices do not answer in the programme's name.
    if action == AnswerQuestions {
        return matches!(
            role,
            Mentor
                | CommunityDeveloper
                | Coordinator
                | ProjectManager
                | NationalCoordinator
                | Administrator
        );
    }
    // Results are read by whoever reads the back office (staff in scope, the auditor).
    if action == ViewCommunityProcess {
        return role_allows(role, ViewBackOffice);
    }
    // The community process is run by the coordinator, the developers and the manager.
    if action == ManageCommunityProcess {
        return matches!(
            role,
            Coordinator | CommunityDeveloper | ProjectManager | Administrator
        );
    }
    if action == EnterResponses {
        return matches!(
            role,
            Volunteer | Coordinator | CommunityDeveloper | ProjectManager | Administrator
        );
    }
    match role {
        Resident => false,
        // A volunteer at the door scans tickets and ticks names, nothing more.
        Volunteer => matches!(action, CheckIn | ViewEvidence),
        CommunityDeveloper => matches!(
            action,
            ViewBackOffice
                | ManageTargetGroups
                | ManageActivities
                | CheckIn
                | ViewEvidence
                | ManagePeople
        ),
        Coordinator => matches!(
            action,
            ViewBackOffice
                | ManageActionAreas
                | ManageTargetGroups
                | ManageActivities
                | CheckIn
                | ViewEvidence
                | ManagePeople
        ),
        ProjectManager => matches!(
            action,
            ViewBackOffice
                | CreateProgramme
                | EditProgramme
                | ManagePartners
                | ManageStaff
                | ManageActionAreas
                | ManageTargetGroups
                | ManageActivities
                | CheckIn
                | ViewEvidence
                | ManagePeople
                | ViewSensitive
                | CreateOrganisation
        ),
        Mentor => matches!(action, ViewBackOffice),
        // The auditor checks every reported number against its evidence.
        Auditor => matches!(action, ViewBackOffice | ViewEvidence),
        CountyCoordinator => matches!(
            action,
            ViewBackOffice | CreateOrganisation | EditOrganisation
        ),
        NationalCoordinator => matches!(
            action,
            ViewBackOffice | ViewEvidence | CreateProgramme | CreateOrganisation | EditOrganisation
        ),
        Administrator => true,
    }
}

/// Where something sits in the tree: the grant scopes that cover it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Target {
    pub programme: Option<ProgrammeId>,
    pub organisations: Vec<OrganisationId>,
    /// The place and all its ancestors.
    pub places: Vec<PlaceId>,
}

impl Target {
    /// Something only a country-wide grant covers (users, the places gazetteer).
    pub fn country() -> Self {
        Target::default()
    }
}

pub fn scope_covers(scope: Scope, target: &Target) -> bool {
    match scope {
        Scope::Country => true,
        Scope::Place(p) => target.places.contains(&p),
        Scope::Organisation(o) => target.organisations.contains(&o),
        Scope::Programme(p) => target.programme == Some(p),
    }
}

/// Does any grant allow this action on this target?
pub fn allows(grants: &[Grant], action: Action, target: &Target) -> bool {
    grants
        .iter()
        .any(|g| role_allows(g.role, action) && scope_covers(g.scope, target))
}

/// Does any grant allow this action somewhere (to show a menu entry or a list)?
pub fn allows_somewhere(grants: &[Grant], action: Action) -> bool {
    grants.iter().any(|g| role_allows(g.role, action))
}

/// Could any grant allow this action on something new? A grant on one programme never
/// covers a programme that does not exist yet, so it cannot create programmes; grants on
/// a place, an organisation or the country can (within what they cover).
pub fn allows_creating(grants: &[Grant], action: Action) -> bool {
    grants
        .iter()
        .any(|g| role_allows(g.role, action) && !matches!(g.scope, Scope::Programme(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kisber_programme() -> Target {
        Target {
            programme: Some(ProgrammeId(1)),
            organisations: vec![OrganisationId(10)],
            places: vec![PlaceId(1), PlaceId(2), PlaceId(3), PlaceId(4)],
        }
    }

    #[test]
    fn grants_cover_their_subtree_only() {
        let pm = [Grant {
            role: Role::ProjectManager,
            scope: Scope::Programme(ProgrammeId(1)),
        }];
        assert!(allows(&pm, Action::EditProgramme, &kisber_programme()));
        let other = Target {
            programme: Some(ProgrammeId(2)),
            ..kisber_programme()
        };
        assert!(!allows(&pm, Action::EditProgramme, &other));

        let county = [Grant {
            role: Role::CountyCoordinator,
            scope: Scope::Place(PlaceId(2)),
        }];
        assert!(allows(&county, Action::ViewBackOffice, &kisber_programme()));
        assert!(!allows(&county, Action::EditProgramme, &kisber_programme()));
        let elsewhere = Target {
            places: vec![PlaceId(1), PlaceId(9)],
            ..Default::default()
        };
        assert!(!allows(&county, Action::ViewBackOffice, &elsewhere));

        let org = [Grant {
            role: Role::ProjectManager,
            scope: Scope::Organisation(OrganisationId(10)),
        }];
        assert!(allows(&org, Action::ManagePartners, &kisber_programme()));
    }

    #[test]
    fn read_only_roles_never_write() {
        let everywhere = Target {
            programme: Some(ProgrammeId(1)),
            ..Default::default()
        };
        for role in [Role::Auditor, Role::Mentor, Role::Resident, Role::Volunteer] {
            let g = [Grant {
                role,
                scope: Scope::Country,
            }];
            for a in [
                Action::EditProgramme,
                Action::ManagePartners,
                Action::ManageStaff,
                Action::ManageUsers,
            ] {
                assert!(!allows(&g, a, &everywhere), "{role:?} {a:?}");
            }
        }
    }

    #[test]
    fn a_programme_grant_cannot_create_programmes() {
        let pm = [Grant {
            role: Role::ProjectManager,
            scope: Scope::Programme(ProgrammeId(1)),
        }];
        assert!(allows_somewhere(&pm, Action::CreateProgramme));
        assert!(!allows_creating(&pm, Action::CreateProgramme));
        let org_pm = [Grant {
            role: Role::ProjectManager,
            scope: Scope::Organisation(OrganisationId(10)),
        }];
        assert!(allows_creating(&org_pm, Action::CreateProgramme));
    }

    #[test]
    fn experts_answer_and_those_who_run_a_programme_moderate() {
        let kisber = kisber_programme();
        let on = |role| {
            [Grant {
                role,
                scope: Scope::Programme(ProgrammeId(1)),
            }]
        };
        for role in [Role::Coordinator, Role::ProjectManager] {
            assert!(allows(&on(role), Action::ModerateQuestions, &kisber));
            assert!(allows(&on(role), Action::AnswerQuestions, &kisber));
            // A programme's grant never reaches the country's questions.
            assert!(!allows(
                &on(role),
                Action::ModerateQuestions,
                &Target::country()
            ));
        }
        for role in [Role::Mentor, Role::CommunityDeveloper] {
            assert!(!allows(&on(role), Action::ModerateQuestions, &kisber));
            assert!(allows(&on(role), Action::AnswerQuestions, &kisber));
        }
        for role in [
            Role::Resident,
            Role::Volunteer,
            Role::Auditor,
            Role::CountyCoordinator,
        ] {
            assert!(
                !allows_somewhere(&on(role), Action::AnswerQuestions),
                "{role:?}"
            );
            assert!(
                !allows_somewhere(&on(role), Action::ModerateQuestions),
                "{role:?}"
            );
        }
        let national = [Grant {
            role: Role::NationalCoordinator,
            scope: Scope::Country,
        }];
        assert!(allows(
            &national,
            Action::ModerateQuestions,
            &Target::country()
        ));
        assert!(allows(&national, Action::ModerateQuestions, &kisber));
    }

    #[test]
    fn only_administrators_manage_users() {
        for role in Role::ALL {
            let g = [Grant {
                role: *role,
                scope: Scope::Country,
            }];
            assert_eq!(
                allows(&g, Action::ManageUsers, &Target::country()),
                *role == Role::Administrator
            );
        }
    }
}
