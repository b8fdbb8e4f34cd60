/**
 * Evaluation and star rating: criteria sets as versioned data, the scoring engine, self-assessment; later evaluation
 * rounds, dossiers, councils and results (announcing {@code ProductRated}).
 */
@NullMarked
@ApplicationModule(displayName = "Evaluation")
package vn.ocop.evaluation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
