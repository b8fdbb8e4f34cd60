package vn.ocop.workspace;

import java.util.Map;
import java.util.Optional;
import vn.ocop.identity.CurrentUser;

/**
 * A section a module adds to the dashboard below the work queue (figures of the jurisdiction, plan against actual,
 * scan signals). Implementations are Spring beans of the owning module; the section is a Thymeleaf fragment of that
 * module's templates named {@code section}, taking one parameter, the model map: {@code th:fragment="section(model)"}.
 */
public interface DashboardSection {

    /** The section for this user, or empty when the module has nothing to show this user. */
    Optional<Section> sectionFor(CurrentUser user);

    /**
     * @param order position on the page (lower first)
     * @param template the template holding the {@code section(model)} fragment (e.g. {@code reporting/dashboard})
     * @param model what the fragment shows
     */
    record Section(int order, String template, Map<String, Object> model) {}
}
