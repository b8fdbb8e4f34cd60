package vn.ocop.certification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import vn.ocop.shared.pdf.SigningIdentity;

/**
 * The keys that sign certificates, in a PKCS#12 key store on disk named by {@code ocop.certification.keys.keystore},
 * never in the database: whoever can write to the database cannot re-sign altered data (docs/decisions/0016).
 *
 * <ul>
 *   <li><b>Statement keys</b> (Ed25519, alias {@code statement-<key id>}): the newest private key signs; older keys are
 *       kept as certificate entries only (verification-only), so certificates they signed still verify after a
 *       rotation. A key id is the first 16 hex digits of the SHA-256 of the public key (X.509 SubjectPublicKeyInfo);
 *       it names the key on every signature and in the published list.
 *   <li><b>PDF signing</b> (alias {@code pdf-signing}): an RSA key with a self-signed certificate for the PAdES
 *       signature of certificate PDFs, unless {@code ocop.certification.pdf-signing.authorities} names the issuing
 *       authority's own PKCS#12.
 * </ul>
 *
 * The store is created on first start with what it lacks (directory 0700, file 0600), written to a temporary file
 * and renamed, under a lock file, so nodes sharing the file never see half a store nor lose each other's keys. Every
 * node re-reads the file when it changes (a rotation on another node), at most every two seconds, and at once when a
 * signature names a key it does not know.
 */
@Component
@EnableConfigurationProperties(CertificationProperties.class)
class CertificateKeys implements SmartInitializingSingleton {

    static final String STATEMENT_PREFIX = "statement-";
    static final String PDF_ALIAS = "pdf-signing";
    static final String ALGORITHM = "Ed25519";

    private static final Logger log = LoggerFactory.getLogger(CertificateKeys.class);
    private static final Duration RECHECK = Duration.ofSeconds(2);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A statement key: {@code privateKey} is null for a verification-only key. */
    record StatementKey(
            String id, PublicKey publicKey, @Nullable PrivateKey privateKey, Instant since) {}

    private record Ring(List<StatementKey> keys, StatementKey active, SigningIdentity pdf, FileTime modified) {}

    private final Path file;
    private final char[] password;
    private final Clock clock;
    private final Map<String, SigningIdentity> authorities;
    private volatile @Nullable Ring ring;
    private volatile long checkedAt;

    CertificateKeys(CertificationProperties properties, Clock clock) {
        this.file = properties.keys().keystore().toAbsolutePath().normalize();
        this.password = properties.keys().password().toCharArray();
        this.clock = clock;
        if (properties.keys().requirePassword() && password.length == 0) {
            throw new IllegalStateException("ocop.certification.keys.password (OCOP_KEYSTORE_PASSWORD) must be set:"
                    + " the key store " + file + " holds the keys that sign certificates");
        }
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(properties.keys().password())) {
            throw new IllegalStateException(
                    "ocop.certification.keys.password (OCOP_KEYSTORE_PASSWORD) must be ASCII: PKCS#12 key stores"
                            + " derive their keys from ASCII passwords only");
        }
        Map<String, SigningIdentity> configured = new LinkedHashMap<>();
        properties.pdfSigning().authorities().forEach((authority, source) -> configured.put(authority, load(source)));
        this.authorities = Collections.unmodifiableMap(configured);
    }

    /** Opens (and if need be creates) the key store at start, so a wrong password or path stops the start. */
    @Override
    public void afterSingletonsInstantiated() {
        Ring current = ring();
        log.info(
                "Certificate keys: {} (signing key {}, {} verification-only)",
                file,
                current.active().id(),
                current.keys().size() - 1);
    }

    Path file() {
        return file;
    }

    /** The key that signs now. */
    StatementKey signingKey() {
        return ring().active();
    }

    /** Signs with {@code key} (from {@link #signingKey()}); base64url without padding. */
    String sign(StatementKey key, byte[] content) {
        PrivateKey privateKey = key.privateKey();
        if (privateKey == null) {
            throw new IllegalArgumentException("key " + key.id() + " is verification-only");
        }
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(content);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
        }
    }

    /** Whether {@code signature} is the signature of {@code content} by key {@code keyId} (active or retired). */
    boolean verify(String keyId, byte[] content, String signature) {
        Optional<StatementKey> key = find(ring(), keyId);
        if (key.isEmpty()) {
            key = find(reload(), keyId); // another node may have rotated the key
        }
        return key.isPresent() && verify(key.get().publicKey(), content, signature);
    }

    static boolean verify(PublicKey key, byte[] content, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(content);
            return verifier.verify(Base64.getUrlDecoder().decode(signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false; // not base64, wrong length, not an Ed25519 key: not a valid signature
        }
    }

    /** Every statement key (the signing one first) and every PDF signing certificate. */
    PublishedKeys published() {
        return new PublishedKeys(publishedKeys(), publishedCertificates());
    }

    private List<PublishedKeys.StatementKey> publishedKeys() {
        Ring current = ring();
        return current.keys().stream()
                .map(k -> new PublishedKeys.StatementKey(
                        k.id(),
                        ALGORITHM,
                        Base64.getEncoder().encodeToString(k.publicKey().getEncoded()),
                        k == current.active(),
                        k.since()))
                .toList();
    }

    /** The certificates that sign PDFs: each configured authority's, then the platform's own. */
    private List<PublishedKeys.PdfCertificate> publishedCertificates() {
        List<PublishedKeys.PdfCertificate> published = new ArrayList<>();
        authorities.forEach((authority, identity) -> published.add(published(authority, identity)));
        published.add(published("PLATFORM", ring().pdf()));
        return published;
    }

    /** Who signs the PDFs of an authority ({@code CENTRAL} or a province code): its own certificate, else ours. */
    SigningIdentity pdfIdentity(String authority) {
        SigningIdentity own = authorities.get(authority);
        return own != null ? own : ring().pdf();
    }

    /**
     * Makes a new signing key; the previous one stays as a verification-only key. Returns the new key's id.
     */
    String rotate() {
        Ring rotated = modify(store -> {
            for (String alias : Collections.list(store.aliases())) {
                if (alias.startsWith(STATEMENT_PREFIX) && store.isKeyEntry(alias)) {
                    Certificate certificate = store.getCertificate(alias);
                    store.deleteEntry(alias);
                    store.setCertificateEntry(alias, certificate);
                }
            }
            addStatementKey(store, KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
            return true;
        });
        log.warn(
                "Certificate statement key rotated: new signing key {}",
                rotated.active().id());
        return rotated.active().id();
    }

    /**
     * Takes over a key from elsewhere (the key that signed certificates while it was kept in the database): it stays
     * the signing key when the store has none yet, else it is kept for verification. Idempotent.
     */
    String adopt(KeyPair pair) {
        String id = keyId(pair.getPublic());
        modify(store -> {
            boolean known = false;
            boolean signing = false;
            for (String alias : Collections.list(store.aliases())) {
                if (alias.startsWith(STATEMENT_PREFIX)) {
                    known |= keyId(store.getCertificate(alias).getPublicKey()).equals(id);
                    signing |= store.isKeyEntry(alias);
                }
            }
            if (known) {
                return false;
            }
            if (signing) {
                store.setCertificateEntry(STATEMENT_PREFIX + id, selfSigned(pair, "Ed25519", statementSubject(id)));
            } else {
                addStatementKey(store, pair);
            }
            return true;
        });
        return id;
    }

    static String keyId(PublicKey key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<StatementKey> find(Ring ring, String keyId) {
        return ring.keys().stream().filter(k -> k.id().equals(keyId)).findFirst();
    }

    private Ring ring() {
        Ring current = ring;
        long now = System.nanoTime();
        if (current != null && now - checkedAt < RECHECK.toNanos()) {
            return current;
        }
        checkedAt = now;
        if (current != null && current.modified().equals(modified().orElse(null))) {
            return current;
        }
        return reload();
    }

    private synchronized Ring reload() {
        Ring loaded = read().orElse(null);
        if (loaded == null) {
            loaded = modify(store -> false); // creates what is missing
        }
        ring = loaded;
        checkedAt = System.nanoTime();
        return loaded;
    }

    private Optional<FileTime> modified() {
        try {
            return Optional.of(Files.getLastModifiedTime(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The store as it is on disk; empty when it is missing or lacks a signing key or the PDF identity. */
    private Optional<Ring> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            warnIfReadableByOthers();
            return ring(open(file, password), modified);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot read the certificate key store " + file + " (is ocop.certification.keys.password right?)",
                    e);
        }
    }

    private Optional<Ring> ring(KeyStore store, FileTime modified) throws GeneralSecurityException {
        List<StatementKey> keys = new ArrayList<>();
        SigningIdentity pdf = null;
        for (String alias : Collections.list(store.aliases())) {
            if (alias.startsWith(STATEMENT_PREFIX)) {
                X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
                PublicKey publicKey = certificate.getPublicKey();
                PrivateKey privateKey = store.isKeyEntry(alias) ? (PrivateKey) store.getKey(alias, password) : null;
                keys.add(new StatementKey(
                        keyId(publicKey),
                        publicKey,
                        privateKey,
                        certificate.getNotBefore().toInstant()));
            } else if (alias.equals(PDF_ALIAS) && store.isKeyEntry(alias)) {
                pdf = identity(store, alias, password);
            }
        }
        Optional<StatementKey> active = keys.stream()
                .filter(k -> k.privateKey() != null)
                .max(Comparator.comparing(StatementKey::since).thenComparing(StatementKey::id));
        if (active.isEmpty() || pdf == null) {
            return Optional.empty();
        }
        keys.sort(Comparator.comparing((StatementKey k) -> k != active.get())
                .thenComparing(StatementKey::since, Comparator.reverseOrder()));
        return Optional.of(new Ring(List.copyOf(keys), active.get(), pdf, modified));
    }

    /** A change to the store, made by one node at a time; {@code change} returns whether it changed anything. */
    private interface Change {
        boolean apply(KeyStore store) throws GeneralSecurityException;
    }

    /**
     * Applies {@code change} to the store on disk (an empty one when missing) under the lock file, adds a signing key
     * and the PDF identity when missing, and writes the result atomically when anything changed.
     */
    private synchronized Ring modify(Change change) {
        try {
            createDirectory(file.getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel lockChannel = FileChannel.open(
                            createOwnerOnly(lockFile), StandardOpenOption.WRITE, StandardOpenOption.CREATE);
                    FileLock lock = lockChannel.lock()) {
                boolean exists = Files.exists(file);
                KeyStore store = exists ? open(file, password) : empty();
                boolean changed = change.apply(store);
                if (!hasSigningKey(store)) {
                    addStatementKey(
                            store, KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
                    changed = true;
                }
                if (!store.isKeyEntry(PDF_ALIAS)) {
                    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                    rsa.initialize(3072);
                    KeyPair pair = rsa.generateKeyPair();
                    store.setKeyEntry(PDF_ALIAS, pair.getPrivate(), password, new Certificate[] {
                        selfSigned(pair, "SHA256withRSA", pdfSubject())
                    });
                    changed = true;
                }
                if (changed) {
                    write(store);
                    if (!exists) {
                        log.warn(
                                "Created the certificate key store {}: back it up with the database; without it no"
                                        + " new certificate can be signed{}",
                                file,
                                password.length == 0
                                        ? " (no password: its file permissions are its only protection)"
                                        : "");
                    }
                }
            }
            Ring written = ring(open(file, password), Files.getLastModifiedTime(file))
                    .orElseThrow(() -> new IllegalStateException("the key store lacks its keys after writing"));
            ring = written;
            checkedAt = System.nanoTime();
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the certificate key store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot update the certificate key store " + file, e);
        }
    }

    private static boolean hasSigningKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (alias.startsWith(STATEMENT_PREFIX) && store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }

    private void addStatementKey(KeyStore store, KeyPair pair) throws GeneralSecurityException {
        String id = keyId(pair.getPublic());
        store.setKeyEntry(STATEMENT_PREFIX + id, pair.getPrivate(), password, new Certificate[] {
            selfSigned(pair, "Ed25519", statementSubject(id))
        });
    }

    private void write(KeyStore store) throws IOException, GeneralSecurityException {
        Path temp = file.resolveSibling(file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(
                            createOwnerOnly(temp), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                store.store(out, password);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static Path createOwnerOnly(Path path) throws IOException {
        if (!Files.exists(path)) {
            try {
                if (posix()) {
                    Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
                } else {
                    Files.createFile(path);
                }
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process made it meanwhile
            }
        }
        return path;
    }

    private void warnIfReadableByOthers() throws IOException {
        if (posix()) {
            Predicate<PosixFilePermission> others = p -> !p.name().startsWith("OWNER");
            if (Files.getPosixFilePermissions(file).stream().anyMatch(others)) {
                log.warn("The certificate key store {} can be read by others than its owner: chmod 600 it", file);
            }
        }
    }

    private static KeyStore open(Path path, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        }
        return store;
    }

    private static KeyStore empty() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static SigningIdentity identity(KeyStore store, String alias, char[] password)
            throws GeneralSecurityException {
        Certificate[] chain = store.getCertificateChain(alias);
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : chain) {
            certificates.add((X509Certificate) c);
        }
        return new SigningIdentity((PrivateKey) store.getKey(alias, password), certificates);
    }

    /** An authority's own PKCS#12: the named entry, else the first private key entry. */
    private static SigningIdentity load(CertificationProperties.Authority source) {
        char[] password = source.password().toCharArray();
        try {
            KeyStore store = open(source.keystore(), password);
            String alias = source.alias();
            if (alias == null || alias.isBlank()) {
                alias = Collections.list(store.aliases()).stream()
                        .filter(a -> {
                            try {
                                return store.isKeyEntry(a);
                            } catch (GeneralSecurityException e) {
                                return false;
                            }
                        })
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no private key in " + source.keystore()));
            }
            if (!store.isKeyEntry(alias)) {
                throw new IllegalStateException("no private key entry " + alias + " in " + source.keystore());
            }
            return identity(store, alias, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the PDF signing certificate " + source.keystore(), e);
        }
    }

    private X509Certificate selfSigned(KeyPair pair, String algorithm, X500Name subject)
            throws GeneralSecurityException {
        Instant from = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    new BigInteger(63, RANDOM).add(BigInteger.ONE),
                    Date.from(from),
                    Date.from(
                            from.atZone(java.time.ZoneOffset.UTC).plusYears(50).toInstant()),
                    subject,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate())));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot make a self-signed certificate", e);
        }
    }

    private static X500Name statementSubject(String keyId) {
        return new X500Name("CN=OCOP certificate statements " + keyId + ",O=OCOP Platform,C=VN");
    }

    private static X500Name pdfSubject() {
        return new X500Name("CN=Nền tảng OCOP (chứng thư tự ký),O=Nền tảng OCOP,C=VN");
    }

    private static PublishedKeys.PdfCertificate published(String authority, SigningIdentity identity) {
        X509Certificate certificate = identity.certificate();
        try {
            byte[] der = certificate.getEncoded();
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
            return new PublishedKeys.PdfCertificate(
                    authority,
                    certificate.getSubjectX500Principal().getName(),
                    HexFormat.ofDelimiter(":")
                            .withUpperCase()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(der)),
                    certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant(),
                    pem);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
