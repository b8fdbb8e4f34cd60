package vn.ocop.producer;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.ocop.identity.CurrentUser;
import vn.ocop.workspace.WorkItem;
import vn.ocop.workspace.WorkQueue;

/** A commune officer's work: the sign-ups from the portal waiting for the commune's decision (one indexed read). */
@Component
class SignupQueue implements WorkQueue {

    private final ProducerSignups signups;

    SignupQueue(ProducerSignups signups) {
        this.signups = signups;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        return signups.waitingFor(user).stream()
                .map(s -> new WorkItem(
                        "work.signup.review",
                        List.of(s.name()),
                        s.name() + " (" + s.taxCode() + ")",
                        "/producers/signups/" + s.id(),
                        s.createdAt(),
                        null,
                        null))
                .toList();
    }
}
