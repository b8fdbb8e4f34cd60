package vn.ocop.identity;

/** What a user wants to do; {@link AccessPolicy} decides by role and jurisdiction. */
public enum Action {
    /** Read non-public records (producers, products, dossiers) of a place. */
    VIEW_RECORDS,
    /** Create or change records of a place. */
    EDIT_RECORDS,
    /** Create and administer user accounts of a place (for the central office: the central council's, see UserAccounts). */
    MANAGE_USERS,
    /** Read the audit trail. */
    VIEW_AUDIT,
    /** Change reference data that applies nationwide (criteria sets, administrative units). */
    MANAGE_REFERENCE_DATA
}
