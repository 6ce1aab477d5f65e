-- Activities: everything a programme does, at a time and place. Instants are RFC 3339 UTC
-- text (they sort as text); wall-clock times of a series are Budapest 'HH:MM'.

CREATE TABLE activity_series (
    id {{ID}},
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    place_id BIGINT REFERENCES places(id),
    address TEXT NOT NULL DEFAULT '',
    public BIGINT NOT NULL DEFAULT 1,
    frequency TEXT NOT NULL,
    interval_n BIGINT NOT NULL DEFAULT 1,
    -- ISO weekdays, comma separated ('1,4'), for weekly series
    weekdays TEXT NOT NULL DEFAULT '',
    month_day BIGINT NOT NULL DEFAULT 1,
    nth BIGINT NOT NULL DEFAULT 1,
    nth_weekday BIGINT NOT NULL DEFAULT 1,
    first_date TEXT NOT NULL,
    until_date TEXT NOT NULL,
    -- dates skipped, comma separated
    exceptions TEXT NOT NULL DEFAULT '',
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX activity_series_programme ON activity_series(programme_id);

CREATE TABLE activities (
    id {{ID}},
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    series_id BIGINT REFERENCES activity_series(id) ON DELETE SET NULL,
    -- the series date this activity is, so a series is never generated twice
    occurrence_date TEXT,
    kind TEXT NOT NULL,
    phase TEXT,
    forum_format TEXT,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    place_id BIGINT REFERENCES places(id),
    address TEXT NOT NULL DEFAULT '',
    organiser_id BIGINT REFERENCES organisations(id),
    public BIGINT NOT NULL DEFAULT 1,
    capacity BIGINT,
    registration_opens TEXT,
    registration_closes TEXT,
    -- iCalendar UID: made once, never changed
    uid TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX activities_uid ON activities(uid);
CREATE UNIQUE INDEX activities_occurrence ON activities(series_id, occurrence_date);
CREATE INDEX activities_programme ON activities(programme_id, starts_at);
-- the public calendar reads a range of start times
CREATE INDEX activities_starts ON activities(starts_at);
CREATE INDEX activities_place ON activities(place_id, starts_at);

CREATE TABLE activity_partners (
    activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (activity_id, organisation_id)
);
CREATE INDEX activity_partners_org ON activity_partners(organisation_id);

CREATE TABLE activity_target_groups (
    activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    target_group_id BIGINT NOT NULL REFERENCES target_groups(id) ON DELETE CASCADE,
    PRIMARY KEY (activity_id, target_group_id)
);
