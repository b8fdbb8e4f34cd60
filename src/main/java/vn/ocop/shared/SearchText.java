package vn.ocop.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Splits a free-text search into words. Each word must occur in the searched text (ignoring accents and case, see the
 * SQL function {@code ocop_fold}), so "dac san dong thap" finds "Đặc sản Đồng Tháp" and "mam nuoc" finds "Nước mắm".
 * At most 8 words of at most 50 characters; LIKE wildcards are escaped.
 */
public final class SearchText {

    private SearchText() {}

    public static List<String> words(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(word -> !word.isEmpty())
                .limit(8)
                .map(word -> word.length() > 50 ? word.substring(0, 50) : word)
                .map(word -> word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
                .toList();
    }
}
