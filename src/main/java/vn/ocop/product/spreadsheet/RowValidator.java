package vn.ocop.product.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.ocop.geography.AdminUnit;
import vn.ocop.producer.ImportProducer;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.TaxCode;
import vn.ocop.product.CertificationLevel;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ImportProduct;
import vn.ocop.product.SearchFolding;

/**
 * The rules of one data row, and of rows against earlier rows of the same file. Pure: everything it needs from the
 * database (units, classification, the officer's jurisdiction) is given to it, so it is tested without Spring. One
 * instance checks one file, in row order.
 */
final class RowValidator {

    /** A checked row: the normalized data when the row has no error, and every issue found. */
    record Result(@Nullable StagedRow row, List<Issue> issues) {}

    static final Map<String, LegalType> LEGAL_TYPES = new HashMap<>();
    static final Map<LegalType, String> LEGAL_TYPE_LABELS = new EnumMap<>(LegalType.class);

    static {
        label(LegalType.COOPERATIVE, "Hợp tác xã", "htx");
        label(LegalType.COOPERATIVE_GROUP, "Tổ hợp tác", "tht");
        label(LegalType.ENTERPRISE, "Doanh nghiệp", "dn");
        label(LegalType.HOUSEHOLD_BUSINESS, "Hộ kinh doanh", "hkd");
        label(LegalType.OTHER, "Khác", "other");
    }

    static final Map<CertificationLevel, String> LEVEL_LABELS =
            Map.of(CertificationLevel.PROVINCE, "Tỉnh", CertificationLevel.CENTRAL, "Trung ương");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9 +().-]*");
    private static final Pattern URL = Pattern.compile("https?://[^\\s/]+\\S*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*([0-9]{1,3})(?:[.,]0+)?(?![0-9])");
    private static final DateTimeFormatter DMY =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DMY_DASH =
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern CODE_SEPARATOR = Pattern.compile("\\s*-\\s*|\\s+");
    private static final Pattern PRICE_NOISE = Pattern.compile("(?iu)\\s|đồng|đ|vnd");
    private static final Pattern THOUSANDS = Pattern.compile("[0-9]{1,3}([.,][0-9]{3})+");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("([0-9]{1,7})(?:[.,]0+)?");
    private static final Pattern LINK_SEPARATOR = Pattern.compile("[\\s;,]+");
    static final int MAX_LINKS = 20;

    private final Map<RegistryColumn, Integer> columns;
    private final LocationIndex locations;
    private final Map<Integer, String> criteriaSets;
    private final Set<String> legacyClasses;
    private final Predicate<String> mayEdit;
    /** Why the importer may not record a row's rating (RatingAuthority), as an issue key; empty when it may. */
    private final RatingCheck ratingRefusal;

    /** Whether the importer may record a row's rating; see {@link RegistryImport}. */
    @FunctionalInterface
    interface RatingCheck {
        /**
         * @return the issue key of the refusal, or empty when the rating may be recorded (or is the product's already)
         */
        java.util.Optional<String> refusal(
                CurrentRating rating, String provinceCode, String taxCode, String productName);
    }

    private final LocalDate today;

    /** Tax code -> the first row that named it, for "same producer, other name" and "other details". */
    private final Map<String, FirstProducer> producers = new HashMap<>();

    private final Map<String, Integer> products = new HashMap<>();
    private final Map<String, Integer> ocopCodes = new HashMap<>();

    private record FirstProducer(int row, String foldedName, String name, List<@Nullable String> details) {}

    RowValidator(
            Map<RegistryColumn, Integer> columns,
            LocationIndex locations,
            Map<Integer, String> criteriaSets,
            Set<String> legacyClasses,
            Predicate<String> mayEdit,
            RatingCheck ratingRefusal,
            LocalDate today) {
        this.ratingRefusal = ratingRefusal;
        this.columns = Map.copyOf(columns);
        this.locations = locations;
        this.criteriaSets = Map.copyOf(criteriaSets);
        this.legacyClasses = Set.copyOf(legacyClasses);
        this.mayEdit = mayEdit;
        this.today = today;
    }

    Result check(SheetRow row) {
        Checker c = new Checker(row);
        return c.run();
    }

    /** The checks of one row; collects its issues. */
    private final class Checker {
        private final SheetRow row;
        private final int n;
        private final List<Issue> issues = new ArrayList<>();

        Checker(SheetRow row) {
            this.row = row;
            this.n = row.number();
        }

        Result run() {
            boolean unreadable = false;
            for (Map.Entry<RegistryColumn, Integer> entry : columns.entrySet()) {
                SheetRow.Cell cell = row.cell(entry.getValue());
                if (cell.formula()) {
                    error(entry.getKey(), "formula");
                    unreadable = true;
                } else if (cell.text().length() > entry.getKey().maxLength()) {
                    error(
                            entry.getKey(),
                            "tooLong",
                            Integer.toString(entry.getKey().maxLength()));
                    unreadable = true;
                }
            }
            if (unreadable) {
                return new Result(null, issues);
            }
            String taxCode = taxCode();
            String producerName = required(RegistryColumn.PRODUCER_NAME);
            LegalType legalType = legalType();
            String representative = optional(RegistryColumn.REPRESENTATIVE);
            String phone = optional(RegistryColumn.PHONE);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                error(RegistryColumn.PHONE, "phone", phone);
            }
            String email = optional(RegistryColumn.EMAIL);
            if (email != null && !EMAIL.matcher(email).matches()) {
                error(RegistryColumn.EMAIL, "email", email);
            }
            String address = optional(RegistryColumn.ADDRESS);
            AdminUnit commune = null;
            boolean legacyLocation = false;
            String province = required(RegistryColumn.PROVINCE);
            String communeInput = required(RegistryColumn.COMMUNE);
            if (province != null && communeInput != null) {
                LocationIndex.Resolution resolution = locations.resolve(
                        province,
                        Optional.ofNullable(optional(RegistryColumn.LEGACY_DISTRICT))
                                .orElse(""),
                        code(RegistryColumn.COMMUNE, communeInput));
                if (resolution.commune() == null) {
                    issues.add(new Issue(
                            n,
                            resolution.column().header(),
                            resolution.messageKey(),
                            resolution.arguments(),
                            Issue.Severity.ERROR));
                } else {
                    commune = resolution.commune();
                    legacyLocation = resolution.fromLegacy();
                    if (!mayEdit.test(commune.code())) {
                        error(
                                RegistryColumn.COMMUNE,
                                "outsideJurisdiction",
                                commune.fullName() + " (" + commune.code() + ")");
                    }
                }
            }
            Boolean sme = yesNo(RegistryColumn.SME);
            Boolean womenLed = yesNo(RegistryColumn.WOMEN_LED);
            Boolean ethnicMinorityArea = yesNo(RegistryColumn.ETHNIC_MINORITY_AREA);
            String village = optional(RegistryColumn.CRAFT_VILLAGE);
            // "Có" (or x) says "in a craft village" without naming it; any other text is the village's name.
            boolean villageFlagOnly = village != null && YES.contains(SearchFolding.fold(village));
            String craftVillageName = villageFlagOnly ? null : village;
            Integer members = count(RegistryColumn.MEMBERS);
            Integer employees = count(RegistryColumn.EMPLOYEES);
            if (taxCode != null && producerName != null) {
                checkSameProducer(
                        taxCode,
                        producerName,
                        java.util.Arrays.asList(
                                legalType == null ? null : legalType.name(),
                                representative,
                                phone,
                                email,
                                address,
                                commune == null ? null : commune.code(),
                                String.valueOf(sme),
                                village,
                                String.valueOf(womenLed),
                                String.valueOf(ethnicMinorityArea),
                                String.valueOf(members),
                                String.valueOf(employees)));
            }

            boolean productRow = columns.entrySet().stream()
                    .anyMatch(e -> e.getKey().productColumn()
                            && !row.cell(e.getValue()).blank());
            String productName = null;
            Integer setNo = null;
            String legacyClass = null;
            String description = null;
            String packaging = null;
            BigDecimal priceMin = null;
            BigDecimal priceMax = null;
            String ocopCode = null;
            CurrentRating rating = null;
            List<String> links = List.of();
            if (productRow) {
                productName = required(RegistryColumn.PRODUCT_NAME);
                setNo = criteriaSet();
                legacyClass = legacyClass();
                description = optional(RegistryColumn.DESCRIPTION);
                packaging = optional(RegistryColumn.PACKAGING);
                priceMin = price(RegistryColumn.PRICE_MIN);
                priceMax = price(RegistryColumn.PRICE_MAX);
                if (priceMin != null && priceMax != null && priceMax.compareTo(priceMin) < 0) {
                    error(RegistryColumn.PRICE_MAX, "priceRange");
                }
                ocopCode = optional(RegistryColumn.OCOP_CODE);
                rating = rating();
                if (rating != null && commune != null && taxCode != null && productName != null) {
                    CurrentRating recorded = rating;
                    ratingRefusal
                            .refusal(recorded, commune.provinceCode(), taxCode, productName)
                            .ifPresent(key -> error(
                                    key.startsWith("certificateNumberTaken")
                                            ? RegistryColumn.CERTIFICATE_NUMBER
                                            : RegistryColumn.STAR,
                                    key,
                                    Integer.toString(recorded.star()),
                                    recorded.certificateNumber() == null ? "" : recorded.certificateNumber()));
                }
                links = links();
                if (taxCode != null && productName != null) {
                    Integer first = products.putIfAbsent(taxCode + "|" + SearchFolding.fold(productName), n);
                    if (first != null) {
                        error(RegistryColumn.PRODUCT_NAME, "duplicateProduct", Integer.toString(first));
                    }
                }
                if (ocopCode != null) {
                    Integer first = ocopCodes.putIfAbsent(ocopCode, n);
                    if (first != null) {
                        error(RegistryColumn.OCOP_CODE, "duplicateOcopCode", ocopCode, Integer.toString(first));
                    }
                }
            }
            if (issues.stream().anyMatch(i -> i.severity() == Issue.Severity.ERROR)) {
                return new Result(null, issues);
            }
            Set<String> present = new LinkedHashSet<>();
            presentIf(present, RegistryColumn.LEGACY_CLASS, ImportProduct.Field.LEGACY_CLASS);
            presentIf(present, RegistryColumn.DESCRIPTION, ImportProduct.Field.DESCRIPTION);
            presentIf(present, RegistryColumn.PACKAGING, ImportProduct.Field.PACKAGING);
            presentIf(present, RegistryColumn.PRICE_MIN, ImportProduct.Field.PRICE_MIN);
            presentIf(present, RegistryColumn.PRICE_MAX, ImportProduct.Field.PRICE_MAX);
            presentIf(present, RegistryColumn.LINKS, ImportProduct.Field.LINKS);
            Set<String> producerPresent = new LinkedHashSet<>();
            for (ImportProducer.Field field : ImportProducer.Field.values()) {
                if (columns.containsKey(RegistryColumn.valueOf(field.name()))) {
                    producerPresent.add(field.name());
                }
            }
            StagedRow staged = new StagedRow(
                    taxCode,
                    legalType.name(),
                    producerName,
                    representative,
                    phone,
                    email,
                    address,
                    commune.code(),
                    legacyLocation,
                    sme,
                    village != null,
                    craftVillageName,
                    womenLed,
                    ethnicMinorityArea,
                    members,
                    employees,
                    producerPresent,
                    productName,
                    setNo,
                    legacyClass,
                    description,
                    packaging,
                    priceMin,
                    priceMax,
                    ocopCode,
                    rating == null ? null : rating.star(),
                    rating == null ? null : rating.certificateNumber(),
                    rating == null || rating.issuedOn() == null
                            ? null
                            : rating.issuedOn().toString(),
                    rating == null || rating.expiresOn() == null
                            ? null
                            : rating.expiresOn().toString(),
                    rating == null || rating.level() == null
                            ? null
                            : rating.level().name(),
                    links,
                    present);
            return new Result(staged, issues);
        }

        private void presentIf(Set<String> present, RegistryColumn column, ImportProduct.Field field) {
            if (columns.containsKey(column)) {
                present.add(field.name());
            }
        }

        private void checkSameProducer(String taxCode, String name, List<@Nullable String> details) {
            FirstProducer first = producers.get(taxCode);
            if (first == null) {
                producers.put(taxCode, new FirstProducer(n, SearchFolding.fold(name), name, details));
                return;
            }
            if (!first.foldedName().equals(SearchFolding.fold(name))) {
                error(
                        RegistryColumn.PRODUCER_NAME,
                        "producerNameConflict",
                        taxCode,
                        Integer.toString(first.row()),
                        first.name());
            } else if (!first.details().equals(details)) {
                issues.add(Issue.warning(
                        n, RegistryColumn.TAX_CODE.header(), "producerDetailsDiffer", Integer.toString(first.row())));
            }
        }

        private @Nullable String taxCode() {
            SheetRow.Cell cell = cell(RegistryColumn.TAX_CODE);
            String text = cell.text().strip();
            if (text.isEmpty()) {
                error(RegistryColumn.TAX_CODE, "required");
                return null;
            }
            if (cell.numeric() && (text.length() == 9 || text.length() == 12) && LocationIndex.digits(text, 12)) {
                // A number cell lost the leading zero that most tax codes have.
                String padded = "0" + text;
                issues.add(Issue.warning(n, RegistryColumn.TAX_CODE.header(), "taxCodePadded", padded));
                text = padded;
            }
            Optional<String> normalized = TaxCode.normalize(text);
            if (normalized.isEmpty()) {
                error(RegistryColumn.TAX_CODE, "taxCode", text);
                return null;
            }
            return normalized.get();
        }

        /** A yes/no column: blank is no; {@code null} when the text is neither (an error is recorded). */
        private @Nullable Boolean yesNo(RegistryColumn column) {
            String text = optional(column);
            if (text == null) {
                return false;
            }
            String folded = SearchFolding.fold(text);
            if (YES.contains(folded)) {
                return true;
            }
            if (NO.contains(folded)) {
                return false;
            }
            error(column, "yesNo", text);
            return null;
        }

        /** A whole number of people, at least 0 ("1.200" is twelve hundred); {@code null} when blank or invalid. */
        private @Nullable Integer count(RegistryColumn column) {
            String text = optional(column);
            if (text == null) {
                return null;
            }
            if (THOUSANDS.matcher(text).matches() && text.length() <= 9) {
                return Integer.valueOf(text.replaceAll("[.,]", ""));
            }
            Matcher whole = WHOLE_NUMBER.matcher(text);
            if (whole.matches()) {
                return Integer.valueOf(whole.group(1));
            }
            error(column, "count", text);
            return null;
        }

        private @Nullable LegalType legalType() {
            String text = required(RegistryColumn.LEGAL_TYPE);
            if (text == null) {
                return null;
            }
            LegalType type = LEGAL_TYPES.get(SearchFolding.fold(text));
            if (type == null) {
                error(RegistryColumn.LEGAL_TYPE, "legalType", text);
            }
            return type;
        }

        private @Nullable Integer criteriaSet() {
            String text = required(RegistryColumn.CRITERIA_SET);
            if (text == null) {
                return null;
            }
            Matcher m = LEADING_NUMBER.matcher(text);
            Integer set = m.find() ? Integer.valueOf(m.group(1)) : null;
            if (set == null || !criteriaSets.containsKey(set)) {
                error(RegistryColumn.CRITERIA_SET, "criteriaSet", text);
                return null;
            }
            return set;
        }

        private @Nullable String legacyClass() {
            String text = optional(RegistryColumn.LEGACY_CLASS);
            if (text == null) {
                return null;
            }
            String code = CODE_SEPARATOR.split(text, 2)[0].toUpperCase(Locale.ROOT);
            if (!legacyClasses.contains(code)) {
                error(RegistryColumn.LEGACY_CLASS, "legacyClass", text);
                return null;
            }
            return code;
        }

        private @Nullable BigDecimal price(RegistryColumn column) {
            String text = optional(column);
            if (text == null) {
                return null;
            }
            String digits = PRICE_NOISE.matcher(text).replaceAll("");
            if (THOUSANDS.matcher(digits).matches()) {
                digits = digits.replaceAll("[.,]", "");
            }
            try {
                BigDecimal value = new BigDecimal(digits);
                if (value.signum() < 0
                        || value.stripTrailingZeros().scale() > 0
                        || value.precision() - value.scale() > 14) {
                    error(column, "price", text);
                    return null;
                }
                return value.setScale(0, java.math.RoundingMode.UNNECESSARY);
            } catch (NumberFormatException | ArithmeticException e) {
                error(column, "price", text);
                return null;
            }
        }

        private @Nullable CurrentRating rating() {
            String starText = optional(RegistryColumn.STAR);
            String number = optional(RegistryColumn.CERTIFICATE_NUMBER);
            LocalDate issued = date(RegistryColumn.ISSUED_ON);
            LocalDate expires = date(RegistryColumn.EXPIRES_ON);
            CertificationLevel level = level();
            if (starText == null) {
                if (number != null || issued != null || expires != null || level != null) {
                    error(RegistryColumn.STAR, "ratingWithoutStar");
                }
                return null;
            }
            Matcher m = LEADING_NUMBER.matcher(starText);
            Integer star = m.find() ? Integer.valueOf(m.group(1)) : null;
            if (star == null || star < 1 || star > 5) {
                error(RegistryColumn.STAR, "star", starText);
                return null;
            }
            if (issued != null && issued.isAfter(today)) {
                error(RegistryColumn.ISSUED_ON, "dateFuture", issued.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            }
            if (star < 3) {
                // Rated but not certified (Decision 26/2026/QĐ-TTg, Art. 4): no certificate to record.
                return new CurrentRating(star, null, issued, null, null, "IMPORTED");
            }
            if (number == null || issued == null) {
                error(
                        number == null ? RegistryColumn.CERTIFICATE_NUMBER : RegistryColumn.ISSUED_ON,
                        "certificateRequired",
                        star.toString());
                return null;
            }
            LocalDate expiry = expires != null ? expires : issued.plusMonths(CurrentRating.VALIDITY_MONTHS);
            if (!expiry.isAfter(issued)) {
                error(RegistryColumn.EXPIRES_ON, "expiryBeforeIssue");
            }
            CertificationLevel completed =
                    level != null ? level : star == 5 ? CertificationLevel.CENTRAL : CertificationLevel.PROVINCE;
            return new CurrentRating(star, number, issued, expiry, completed, "IMPORTED");
        }

        private @Nullable CertificationLevel level() {
            String text = optional(RegistryColumn.LEVEL);
            if (text == null) {
                return null;
            }
            String folded = SearchFolding.fold(text);
            if (folded.equals("tinh") || folded.equals("cap tinh") || folded.equals("province")) {
                return CertificationLevel.PROVINCE;
            }
            if (folded.equals("trung uong") || folded.equals("tw") || folded.equals("central")) {
                return CertificationLevel.CENTRAL;
            }
            error(RegistryColumn.LEVEL, "level", text);
            return null;
        }

        private @Nullable LocalDate date(RegistryColumn column) {
            SheetRow.Cell cell = cell(column);
            if (cell.date() != null) {
                return cell.date();
            }
            String text = cell.text().strip();
            if (text.isEmpty()) {
                return null;
            }
            for (DateTimeFormatter format : List.of(DMY, DMY_DASH, DateTimeFormatter.ISO_LOCAL_DATE)) {
                try {
                    return LocalDate.parse(text, format);
                } catch (DateTimeParseException e) {
                    // next format
                }
            }
            error(column, "date", text);
            return null;
        }

        private List<String> links() {
            String text = optional(RegistryColumn.LINKS);
            if (text == null) {
                return List.of();
            }
            List<String> links = new ArrayList<>();
            for (String url : LINK_SEPARATOR.split(text)) {
                if (url.isEmpty()) {
                    continue;
                }
                if (!URL.matcher(url).matches() || url.length() > 1000) {
                    error(RegistryColumn.LINKS, "url", url.length() > 100 ? url.substring(0, 100) + "…" : url);
                } else if (!links.contains(url)) {
                    links.add(url);
                }
            }
            if (links.size() > MAX_LINKS) {
                error(RegistryColumn.LINKS, "tooManyLinks", Integer.toString(MAX_LINKS));
            }
            return links;
        }

        /** A commune code typed as a number loses its leading zeros (e.g. 4 for 00004). */
        private String code(RegistryColumn column, String text) {
            return cell(column).numeric() && LocationIndex.digits(text, 5) ? LocationIndex.pad(text, 5) : text;
        }

        private SheetRow.Cell cell(RegistryColumn column) {
            Integer index = columns.get(column);
            return index == null ? SheetRow.Cell.EMPTY : row.cell(index);
        }

        private @Nullable String optional(RegistryColumn column) {
            String text = cell(column).text().strip();
            return text.isEmpty() ? null : text;
        }

        private @Nullable String required(RegistryColumn column) {
            String text = optional(column);
            if (text == null) {
                error(column, "required");
            }
            return text;
        }

        private void error(RegistryColumn column, String key, String... arguments) {
            issues.add(Issue.error(n, column, key, arguments));
        }
    }

    private static final Set<String> YES = Set.of("co", "x", "yes", "y", "1", "true", "c");
    private static final Set<String> NO = Set.of("khong", "k", "no", "n", "0", "false");

    private static void label(LegalType type, String label, String abbreviation) {
        LEGAL_TYPE_LABELS.put(type, label);
        LEGAL_TYPES.put(SearchFolding.fold(label), type);
        LEGAL_TYPES.put(abbreviation, type);
        LEGAL_TYPES.put(type.name().toLowerCase(Locale.ROOT), type);
    }
}
