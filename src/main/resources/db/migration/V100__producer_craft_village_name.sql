-- The craft village (làng nghề) a producer belongs to, by name: programme targets count craft villages with an OCOP
-- product (issue #14), which a yes/no flag cannot. The flag stays: older records say "in a craft village" unnamed.
ALTER TABLE producer ADD COLUMN craft_village_name varchar(200);
ALTER TABLE producer ADD CONSTRAINT producer_craft_village_named CHECK (craft_village_name IS NULL OR craft_village);
