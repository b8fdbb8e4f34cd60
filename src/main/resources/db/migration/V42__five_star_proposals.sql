-- A province council's 5★ candidate goes to the ministry's round as a dossier of kind PROPOSAL (Decision
-- 26/2026/QĐ-TTg Art. 6.3), already checked by the commune, linked to the province dossier it comes from.
ALTER TABLE dossier DROP CONSTRAINT dossier_kind_check;
ALTER TABLE dossier ADD CONSTRAINT dossier_kind_check CHECK (kind IN ('FIRST', 'UPGRADE', 'REEVALUATION', 'PROPOSAL'));
ALTER TABLE dossier ADD COLUMN proposed_from bigint REFERENCES dossier (id);
CREATE UNIQUE INDEX dossier_one_proposal_ix ON dossier (proposed_from) WHERE status <> 'WITHDRAWN';
