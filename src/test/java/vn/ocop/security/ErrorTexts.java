package vn.ocop.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/**
 * Tells which kind of error a page's message is. Pages report business failures as a message (after a redirect, or
 * next to the form); a message that is the text of a {@code FORBIDDEN}, {@code NOT_FOUND} or {@code UNAUTHENTICATED}
 * error code means the user was refused.
 */
final class ErrorTexts {

    private record Text(Pattern pattern, ErrorKind kind) {}

    private final List<Text> texts = new ArrayList<>();

    ErrorTexts(MessageSource messages) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ErrorCode.class));
        for (var candidate : scanner.findCandidateComponents("vn.ocop")) {
            Class<?> type = ClassUtils.resolveClassName(Objects.requireNonNull(candidate.getBeanClassName()), null);
            if (!type.isEnum()) {
                continue;
            }
            for (Object constant : type.getEnumConstants()) {
                ErrorCode code = (ErrorCode) constant;
                for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
                    String pattern = messages.getMessage(code.messageKey(), null, null, locale);
                    if (pattern != null) {
                        texts.add(new Text(regex(pattern), code.kind()));
                    }
                }
            }
        }
    }

    /** The kind of the error code whose text this is; {@code null} when none matches. */
    @Nullable
    ErrorKind kindOf(String message) {
        String text = message.strip();
        ErrorKind best = null;
        int bestLength = -1;
        for (Text t : texts) {
            // The most specific (longest) pattern wins: "{0}" alone would match anything.
            if (t.pattern().pattern().length() > bestLength
                    && t.pattern().matcher(text).matches()) {
                best = t.kind();
                bestLength = t.pattern().pattern().length();
            }
        }
        return best;
    }

    boolean refusal(String message) {
        ErrorKind kind = kindOf(message);
        return kind == ErrorKind.FORBIDDEN || kind == ErrorKind.NOT_FOUND || kind == ErrorKind.UNAUTHENTICATED;
    }

    /** A MessageFormat pattern as a regex: literal text quoted, every argument any text. */
    private static Pattern regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        String unquoted = pattern.replace("''", "'");
        int i = 0;
        while (i < unquoted.length()) {
            char c = unquoted.charAt(i);
            if (c == '{') {
                int end = unquoted.indexOf('}', i);
                if (end > 0) {
                    regex.append(Pattern.quote(literal.toString())).append("(?s:.*)");
                    literal.setLength(0);
                    i = end + 1;
                    continue;
                }
            }
            literal.append(c);
            i++;
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
