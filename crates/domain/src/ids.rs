//! Typed ids: a `ProgrammeId` can never be passed where an `OrganisationId` is expected.

macro_rules! id_type {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl From<i64> for $name {
            fn from(id: i64) -> Self {
                $name(id)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type!(
    PlaceId,
    OrganisationId,
    ProgrammeId,
    PartnerId,
    AgreementId,
    StaffId,
    ActionAreaId,
    TargetGroupId,
    UserId,
    GrantId,
    ActivityId,
    SeriesId,
    PersonId,
    ConsentId,
    RegistrationId,
    AttendanceId,
    SessionId,
    CertificateId,
    EvidenceId,
    MailId,
    ShiftId,
    IndicatorId,
    TemplateId,
    ManualValueId,
    MemoId,
    KnowledgeId,
    InitiativeId,
    ResidentId,
    CommentId,
    AssistanceId,
    StageMoveId,
    PendingActionId,
    QuestionnaireId,
    QuestionId,
    ResponseId,
    PlanId,
    NeedId,
    GoalId,
    PlanActionId,
    PictureId,
    ExpertQuestionId,
    ExpertAnswerId,
);
