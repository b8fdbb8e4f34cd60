-- A knock-out names the ground it rests on, from the criteria set's own list (the grounds printed above the sheet and
-- under its criteria; see db/data/criteria/rules), or GATE when a criterion whose zero stops the evaluation scored 0.
ALTER TABLE dossier ADD COLUMN knockout_ground varchar(40);
