package vn.ocop.workspace;

import java.util.List;
import vn.ocop.identity.CurrentUser;

/**
 * A module's part of each person's work queue. Implementations are Spring beans in the module that owns the work;
 * they answer only for work the user may act on (role and jurisdiction), read their own tables with indexed queries
 * (the menu count asks on every page), and return an empty list for roles they have nothing for.
 */
public interface WorkQueue {

    /** The work waiting for this user in this module, in any order. */
    List<WorkItem> itemsFor(CurrentUser user);

    /** How many items {@link #itemsFor} would return; modules answer it with a cheaper count where they can. */
    default int countFor(CurrentUser user) {
        return itemsFor(user).size();
    }
}
