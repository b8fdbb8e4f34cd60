package vn.ocop.reporting.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Numbers and dates as the reader writes them: Vietnamese "1.234", "8,94 %", "27/12/2024"; English "1,234", "8.94 %".
 * Shares are rounded only here, for display; the data and the API keep four decimals.
 */
public final class Formats {

    private final Locale locale;

    private Formats(Locale locale) {
        this.locale = locale;
    }

    public static Formats of(Locale locale) {
        return new Formats("en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("vi"));
    }

    private DecimalFormat pattern(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        if ("vi".equals(locale.getLanguage())) {
            symbols.setGroupingSeparator('.');
            symbols.setDecimalSeparator(',');
        }
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    /** A whole number with thousands separators; "—" for none. */
    public String count(@Nullable Number n) {
        return n == null ? "—" : pattern("#,##0").format(n);
    }

    /** A percentage with up to two decimals ("8,94 %"); "—" for none. */
    public String percent(@Nullable BigDecimal share) {
        return share == null ? "—" : pattern("#,##0.##").format(share) + " %";
    }

    /** A percentage rounded to a whole number ("đạt 22 %"), for achievement. */
    public String wholePercent(@Nullable BigDecimal share) {
        return share == null ? "—" : pattern("#,##0").format(share) + " %";
    }

    /** A planned value: a whole number, or a percentage for shares. */
    public String planned(BigDecimal value, boolean share) {
        return share ? percent(value) : count(value);
    }

    /** Đồng, with thousands separators. */
    public String money(@Nullable BigDecimal amount) {
        return amount == null ? "—" : pattern("#,##0").format(amount) + " đ";
    }

    public String date(@Nullable LocalDate date) {
        return date == null ? "—" : date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
