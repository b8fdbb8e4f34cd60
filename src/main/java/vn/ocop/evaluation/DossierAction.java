package vn.ocop.evaluation;

/**
 * What someone can do with a dossier. {@link Dossiers#actionsFor} answers which of them a viewer may take now, with
 * the same checks the steps themselves make, so that a page shows exactly the actions the server accepts.
 */
public enum DossierAction {
    /** Change the self-assessment, the forms and the documents (producer or an officer on its behalf; draft/returned). */
    EDIT,
    /** Send the dossier to the commune; needs every required document and form (Art. 6). */
    SUBMIT,
    /** Take the dossier back before the commune forwards it. */
    WITHDRAW,
    /** The commune's check: forward to the province with its report (Mẫu 03, Art. 7.2). */
    FORWARD,
    /** The commune's check: send back to the producer with reasons. */
    RETURN,
    /** End the evaluation on a ground of exclusion (the commune at its check; the organiser later). */
    KNOCK_OUT,
    /** The organiser hands the dossier to the council. */
    START_EVALUATION,
    /** A council member declares whether they have a conflict of interest with the producer. */
    DECLARE_CONFLICT,
    /** A council member fills in and submits their own scoresheet. */
    SCORE,
    /** The chair closes the council's evaluation once every eligible member has submitted. */
    CLOSE,
    /** The organiser or the chair records the result of a council that met on paper. */
    PAPER_RESULT,
    /** The province's organiser proposes a 5★ candidate to an open ministry round (Art. 7.3.e). */
    PROPOSE
}
