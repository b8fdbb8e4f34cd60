package vn.ocop.product;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Java twin of the SQL function {@code ocop_fold}: NFD-decompose, drop combining marks, đ→d, lower case. Used to fill
 * the {@code search_text} column, which is then matched with {@code ocop_fold(word)}; a test checks both agree.
 */
public final class SearchFolding {

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private SearchFolding() {}

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return SPACES.matcher(bare).replaceAll(" ").strip();
    }
}
