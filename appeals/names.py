"""Names the data migration and the code share: declared once, here (no model imports, so
the migration can read them)."""

APPROVERS_GROUP = "Appeals approvers"
WORKFLOW = "Missing-person appeals"
CHECKS_TASK = "Consent and police verification checks"
APPROVAL_TASK = "Second approver (Appeals approvers)"
