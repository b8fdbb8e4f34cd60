package vn.ocop.identity;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends an account's browser sessions, which live in PostgreSQL (Spring Session JDBC, indexed by principal name), so
 * that disabling an account, resetting its password or changing its role or jurisdiction takes effect on its next
 * request on any node. Runs after the changing transaction commits: a change that rolls back ends nothing.
 */
@Component
class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the account. */
    void endAll(String username) {
        afterCommit(() -> end(username, null));
    }

    /** Ends every session of the account but the one given (the owner's own, after changing its password). */
    void endOthers(String username, @Nullable String keepSessionId) {
        afterCommit(() -> end(username, keepSessionId));
    }

    private void end(String username, @Nullable String keep) {
        Map<String, ? extends Session> found = sessions.findByPrincipalName(username);
        for (String id : found.keySet()) {
            if (!id.equals(keep)) {
                sessions.deleteById(id);
            }
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
