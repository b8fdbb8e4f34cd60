package vn.ocop.product;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Java twin of the SQL function {@code ocop_fold}: NFD-decompose, drop combining marks, đ→d, lower case. Used to fill
 * the {@code search_text} column, which is then matched with {@code ocop_fold(word)}; a test checks both agree.
 */
public final class SearchFolding {

    private SearchFolding() {}

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return decomposed
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
    }
}
