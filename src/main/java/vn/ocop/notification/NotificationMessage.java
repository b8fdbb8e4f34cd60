package vn.ocop.notification;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What to tell users, as message keys rendered in each reader's language when read (pages and API) and in
 * Vietnamese for e-mail. Arguments are stored as text, so callers format dates and numbers themselves
 * ({@code dd/MM/yyyy}, as on every page).
 *
 * @param titleKey key of a one-line title in {@code messages_*.properties}
 * @param bodyKey key of the text
 * @param arguments the keys' {@code {0}, {1}…} arguments, at most 10
 * @param link a path inside the application (e.g. {@code /certificates/82-26-…}), or {@code null}; never an
 *     absolute URL, so a notification cannot send anyone elsewhere
 * @throws IllegalArgumentException when a key is blank or the link is not such a path
 */
public record NotificationMessage(
        String titleKey,
        String bodyKey,
        List<String> arguments,
        @Nullable String link) {

    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9._-]{1,100}");
    private static final Pattern LINK = Pattern.compile("/(?!/)[A-Za-z0-9/_.~%?=&-]{0,299}");

    public NotificationMessage {
        if (!KEY.matcher(titleKey).matches() || !KEY.matcher(bodyKey).matches()) {
            throw new IllegalArgumentException("message keys must be plain keys: " + titleKey + ", " + bodyKey);
        }
        if (link != null && !LINK.matcher(link).matches()) {
            throw new IllegalArgumentException("link must be a path inside the application: " + link);
        }
        if (arguments.size() > 10) {
            throw new IllegalArgumentException("at most 10 arguments");
        }
        arguments = List.copyOf(arguments);
    }
}
