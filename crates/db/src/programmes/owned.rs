//! The SQL every kind of programme record shares: a versioned update confined to the
//! programme, telling a stale edit from a missing record, and a delete confined likewise.
//! A kind names its table and how a row of it belongs to a programme; its own module
//! keeps only what differs (its columns and what goes with it).

use crate::{saved, Conn, DbError, Saved};
use kozos_domain::ProgrammeId;

/// Where a kind of programme record is stored.
pub(crate) struct Owned {
    pub table: &'static str,
    /// The condition tying a row to a programme; `$P` stands for the programme's
    /// placeholder.
    pub in_programme: &'static str,
}

pub(crate) const PARTNERS: Owned = Owned {
    table: "partners",
    in_programme: "programme_id = $P",
};
pub(crate) const AGREEMENTS: Owned = Owned {
    table: "agreements",
    in_programme: "partner_id IN (SELECT id FROM partners WHERE programme_id = $P)",
};
pub(crate) const STAFF: Owned = Owned {
    table: "staff_assignments",
    in_programme: "programme_id = $P",
};
pub(crate) const ACTION_AREAS: Owned = Owned {
    table: "action_areas",
    in_programme: "programme_id = $P",
};
pub(crate) const ACTIVITIES: Owned = Owned {
    table: "activities",
    in_programme: "programme_id = $P",
};
pub(crate) const SERIES: Owned = Owned {
    table: "activity_series",
    in_programme: "programme_id = $P",
};
pub(crate) const MEMOS: Owned = Owned {
    table: "memos",
    in_programme: "programme_id = $P",
};
pub(crate) const QUESTIONNAIRES: Owned = Owned {
    table: "questionnaires",
    in_programme: "programme_id = $P",
};
pub(crate) const QUESTIONS: Owned = Owned {
    table: "survey_questions",
    in_programme: "questionnaire_id IN (SELECT id FROM questionnaires WHERE programme_id = $P)",
};
pub(crate) const PLANS: Owned = Owned {
    table: "plans",
    in_programme: "programme_id = $P",
};
pub(crate) const NEEDS: Owned = Owned {
    table: "plan_needs",
    in_programme: "plan_id IN (SELECT id FROM plans WHERE programme_id = $P)",
};
pub(crate) const GOALS: Owned = Owned {
    table: "plan_goals",
    in_programme: "need_id IN (SELECT n.id FROM plan_needs n JOIN plans p ON p.id = n.plan_id \
        WHERE p.programme_id = $P)",
};
pub(crate) const ACTIONS: Owned = Owned {
    table: "plan_actions",
    in_programme:
        "goal_id IN (SELECT g.id FROM plan_goals g JOIN plan_needs n ON n.id = g.need_id \
        JOIN plans p ON p.id = n.plan_id WHERE p.programme_id = $P)",
};
pub(crate) const PICTURES: Owned = Owned {
    table: "situation_pictures",
    in_programme: "programme_id = $P",
};
pub(crate) const TARGET_GROUPS: Owned = Owned {
    table: "target_groups",
    in_programme: "programme_id = $P",
};

impl Owned {
    fn belongs(&self, placeholder: usize) -> String {
        self.in_programme.replace("$P", &format!("${placeholder}"))
    }

    /// `UPDATE <table> SET <columns> = $1…$n, version = version + 1 WHERE id = $n+1 AND
    /// <in programme $n+2> AND version = COALESCE($n+3, version)`: bind the columns' values,
    /// then the id, the programme and the version the edit started from (none: any).
    pub fn update_sql(&self, columns: &[&str]) -> String {
        let n = columns.len();
        let set: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c} = ${}", i + 1))
            .collect();
        format!(
            "UPDATE {} SET {}, version = version + 1 WHERE id = ${} AND {} AND version = COALESCE(${}, version)",
            self.table,
            set.join(", "),
            n + 1,
            self.belongs(n + 2),
            n + 3
        )
    }

    /// The outcome of an update made with [`Owned::update_sql`] that changed `affected`
    /// rows: done, or whether the record is still there (a stale edit) or gone.
    pub async fn saved(
        &self,
        conn: &mut Conn,
        affected: u64,
        id: i64,
        programme: ProgrammeId,
    ) -> Result<Saved, DbError> {
        let exists = format!(
            "SELECT COUNT(*) FROM {} WHERE id = $1 AND {}",
            self.table,
            self.belongs(2)
        );
        saved(conn, affected, &exists, id, programme.0).await
    }

    /// Delete the record if it is in the programme; `false` when it was not there.
    pub async fn delete(
        &self,
        conn: &mut Conn,
        id: i64,
        programme: ProgrammeId,
    ) -> Result<bool, DbError> {
        let sql = format!(
            "DELETE FROM {} WHERE id = $1 AND {}",
            self.table,
            self.belongs(2)
        );
        let done = sqlx::query(&sql)
            .bind(id)
            .bind(programme.0)
            .execute(&mut *conn)
            .await?;
        Ok(done.rows_affected() == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_binds_columns_then_id_programme_version() {
        assert_eq!(
            STAFF.update_sql(&["name", "note"]),
            "UPDATE staff_assignments SET name = $1, note = $2, version = version + 1 \
             WHERE id = $3 AND programme_id = $4 AND version = COALESCE($5, version)"
        );
        assert_eq!(
            AGREEMENTS.update_sql(&["scope"]),
            "UPDATE agreements SET scope = $1, version = version + 1 WHERE id = $2 AND \
             partner_id IN (SELECT id FROM partners WHERE programme_id = $3) \
             AND version = COALESCE($4, version)"
        );
    }
}
