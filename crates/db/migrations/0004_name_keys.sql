-- Name keys were filled in after 0003; now they decide what counts as the same name.
DROP INDEX target_groups_unique;
CREATE UNIQUE INDEX target_groups_unique_key ON target_groups(programme_id, name_key);
DROP INDEX action_areas_unique;
CREATE UNIQUE INDEX action_areas_unique_key ON action_areas(programme_id, name_key);
